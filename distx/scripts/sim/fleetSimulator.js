/**
 * The fleet simulator: any number of simulated nodes, each its own HTTP server on a loopback
 * port, serving /health, /ready, /cluster/status and /cluster/peers, with faults switchable at run
 * time (down, hang, slow, flap, unhealthy, wrong-version), connection and request counters, and a
 * small control API on its own loopback port. A library for tests; `scripts/sim.ts` is the CLI.
 */
import { createServer } from 'node:http';
import { isIP } from 'node:net';
export const FAULTS = ['none', 'down', 'hang', 'slow', 'flap', 'unhealthy', 'wrong-version'];
/** The version a node reports under `wrong-version`. */
export const WRONG_VERSION = '0.0.0-wrong-version';
export function isLoopbackAddress(host) {
    const h = host.replace(/^\[|\]$/g, '');
    if (isIP(h) === 4)
        return h.startsWith('127.');
    if (isIP(h) === 6)
        return h === '::1' || /^::ffff:127\./i.test(h);
    return false;
}
export function isFault(value) {
    return typeof value === 'string' && FAULTS.includes(value);
}
function listen(server, port, host) {
    return new Promise((resolve, reject) => {
        const onError = (err) => reject(err);
        server.once('error', onError);
        server.listen(port, host, () => {
            server.off('error', onError);
            resolve(server.address().port);
        });
    });
}
function close(server, sockets) {
    return new Promise((resolve) => {
        if (!server.listening)
            return resolve();
        server.close(() => resolve());
        for (const socket of sockets)
            socket.destroy();
        sockets.clear();
    });
}
function sendJson(res, status, body) {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
}
export async function startFleetSimulator(options) {
    const host = options.host ?? '127.0.0.1';
    if (!isLoopbackAddress(host))
        throw new Error(`fleet simulator: host ${host} is not a loopback address; it serves on loopback only`);
    const urlHost = isIP(host) === 6 ? `[${host}]` : host;
    const slowMs = options.slowMs ?? 1500;
    const flapPeriod = Math.max(1, options.flapPeriod ?? 1);
    const defaultVersion = options.expectedVersion ?? '1.0.0';
    const nodes = new Map();
    let controlUrl = '';
    let stopped = false;
    const twice = options.nodes.find((spec, i) => options.nodes.findIndex((o) => o.id === spec.id) !== i);
    if (twice)
        throw new Error(`fleet simulator: node id ${twice.id} appears twice`);
    const state = (n) => ({ id: n.spec.id, port: n.port, url: n.url, fault: n.fault, connections: n.connections, requests: n.requests });
    const peerReady = (id) => {
        const peer = nodes.get(id);
        return peer !== undefined && (peer.fault === 'none' || peer.fault === 'slow' || peer.fault === 'wrong-version');
    };
    const peers = (n) => (n.spec.peers ?? []).map((p) => ({ ...p, ready: peerReady(p.id) }));
    function answer(n, req, res) {
        const path = new URL(req.url ?? '/', 'http://sim').pathname;
        if (req.method !== 'GET' && req.method !== 'HEAD')
            return sendJson(res, 405, { error: 'method not allowed' });
        const healthy = n.fault !== 'unhealthy';
        switch (path) {
            case '/health':
            case '/ready':
                return sendJson(res, healthy ? 200 : 500, { status: healthy ? 'ok' : 'failing' });
            case '/cluster/status':
                return sendJson(res, 200, {
                    node: n.spec.id,
                    agent_version: n.fault === 'wrong-version' ? WRONG_VERSION : (options.versionOf?.(n.spec.id) ?? n.spec.version ?? defaultVersion),
                    control_endpoint: controlUrl,
                    update_state: 'idle',
                    peers: peers(n),
                });
            case '/cluster/peers':
                return sendJson(res, 200, peers(n));
            default:
                return sendJson(res, 404, { error: `no such path: ${path}` });
        }
    }
    function onRequest(n, req, res) {
        n.requests++;
        switch (n.fault) {
            case 'hang':
                // Never answer; the socket stays open until the client gives up, the fault changes, or stop().
                n.hung.add(res);
                res.on('close', () => n.hung.delete(res));
                return;
            case 'flap':
                // Deterministic: the first `flapPeriod` requests after switching fail, the next succeed, and so on.
                if (Math.floor(n.flapCount++ / flapPeriod) % 2 === 0) {
                    req.socket.destroy();
                    return;
                }
                return answer(n, req, res);
            case 'slow': {
                const timer = setTimeout(() => { n.timers.delete(timer); if (!res.destroyed)
                    answer(n, req, res); }, slowMs);
                n.timers.add(timer);
                return;
            }
            default:
                return answer(n, req, res);
        }
    }
    function makeServer(n) {
        const server = createServer((req, res) => onRequest(n, req, res));
        server.requestTimeout = 0; // a hanging node must hang, not answer 408 after five minutes
        server.on('connection', (socket) => {
            n.connections++;
            n.sockets.add(socket);
            socket.on('close', () => n.sockets.delete(socket));
        });
        return server;
    }
    async function switchFault(n, fault) {
        if (stopped)
            throw new Error('fleet simulator: stopped');
        if (fault !== 'down' && n.fault === 'down') {
            n.server = makeServer(n);
            // If the port was taken meanwhile, this throws and the node stays down.
            await listen(n.server, n.port, host);
        }
        const wasDown = n.fault === 'down';
        n.fault = fault;
        n.flapCount = 0;
        if (fault === 'down' && !wasDown)
            await close(n.server, n.sockets);
        if (fault !== 'hang') {
            // Requests held by a previous `hang` would never be answered: drop their connections.
            for (const res of n.hung)
                res.socket?.destroy();
            n.hung.clear();
        }
        return state(n);
    }
    async function stop() {
        if (stopped)
            return;
        stopped = true;
        await Promise.allSettled([...nodes.values()].map((n) => n.pending));
        for (const n of nodes.values())
            for (const t of n.timers)
                clearTimeout(t);
        await Promise.all([...nodes.values()].map((n) => close(n.server, n.sockets)));
        control.closeAllConnections();
        await new Promise((resolve) => (control.listening ? control.close(resolve) : resolve(undefined)));
    }
    const control = createServer();
    try {
        const controlPort = await listen(control, options.controlPort ?? 0, host);
        controlUrl = `http://${urlHost}:${controlPort}`;
        for (const spec of options.nodes) {
            const n = {
                spec, server: undefined, port: spec.port ?? 0, url: '', fault: 'none',
                connections: 0, requests: 0, flapCount: 0, sockets: new Set(), timers: new Set(), hung: new Set(), pending: Promise.resolve(),
            };
            n.server = makeServer(n);
            nodes.set(spec.id, n);
            try {
                n.port = await listen(n.server, n.port, host);
            }
            catch (e) {
                throw new Error(`fleet simulator: node ${spec.id} cannot listen on ${host}:${spec.port ?? 0}: ${e.message}`);
            }
            n.url = `http://${urlHost}:${n.port}`;
        }
    }
    catch (e) {
        await stop();
        throw e;
    }
    const get = (id) => {
        const n = nodes.get(id);
        if (!n)
            throw new Error(`fleet simulator: unknown node ${id}`);
        return n;
    };
    const api = {
        controlUrl,
        nodes: new Map([...nodes.values()].map((n) => [n.spec.id, { id: n.spec.id, port: n.port, url: n.url }])),
        setFault(id, fault) {
            if (!isFault(fault))
                return Promise.reject(new Error(`fleet simulator: unknown fault ${String(fault)}`));
            const n = get(id);
            const next = n.pending.then(() => switchFault(n, fault));
            n.pending = next.catch(() => undefined);
            return next;
        },
        connections: (id) => get(id).connections,
        requests: (id) => get(id).requests,
        state: (id) => state(get(id)),
        stop,
    };
    control.on('request', controlApi(api, options.extraControl));
    return api;
}
const summary = (s) => ({ id: s.id, port: s.port, fault: s.fault, connections: s.connections, requests: s.requests });
/** The control API, built on the simulator's public interface. */
function controlApi(sim, extra) {
    return async (req, res) => {
        const path = new URL(req.url ?? '/', 'http://sim').pathname;
        if (extra && (await extra(req, res, path)))
            return;
        if (path === '/control/nodes' && req.method === 'GET')
            return sendJson(res, 200, [...sim.nodes.keys()].map((id) => summary(sim.state(id))));
        const match = /^\/control\/nodes\/([^/]+)$/.exec(path);
        if (!match)
            return sendJson(res, 404, { error: `no such path: ${path}` });
        const id = decodeURIComponent(match[1]);
        if (!sim.nodes.has(id))
            return sendJson(res, 404, { error: `unknown node: ${id}` });
        if (req.method === 'GET')
            return sendJson(res, 200, summary(sim.state(id)));
        if (req.method !== 'POST')
            return sendJson(res, 405, { error: 'use GET or POST' });
        let body;
        try {
            const chunks = [];
            for await (const chunk of req)
                chunks.push(chunk);
            body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        }
        catch {
            return sendJson(res, 400, { error: 'body must be JSON: {"fault": "..."}' });
        }
        const fault = body?.fault;
        if (!isFault(fault))
            return sendJson(res, 400, { error: `fault must be one of: ${FAULTS.join(', ')}` });
        try {
            sendJson(res, 200, summary(await sim.setFault(id, fault)));
        }
        catch (e) {
            sendJson(res, 500, { error: e.message });
        }
    };
}
//# sourceMappingURL=fleetSimulator.js.map