/**
 * The fleet simulator, over real HTTP on loopback: the documents each node serves, every fault,
 * connection counting, the control API, and the node list built from the bundled example fleet.
 * Every simulator here listens on free ports (port 0); the registry test binds nothing.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { simulatedNodesFromRegistry } from '../scripts/sim/fleetFromRegistry.js';
import { startFleetSimulator, WRONG_VERSION } from '../scripts/sim/fleetSimulator.js';
import { REPO } from './helpers/fleet.js';
/** One request on a fresh connection (no keep-alive agent), with a client-side timeout. */
function http(url, options = {}) {
    return new Promise((resolve) => {
        const req = request(url, { method: options.method ?? 'GET', agent: false, timeout: options.timeoutMs ?? 5000 }, (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (chunk) => (body += chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body, json: () => JSON.parse(body) }));
            res.on('error', (e) => resolve({ error: e.code ?? e.message }));
        });
        req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
        req.on('error', (e) => resolve({ error: e.code ?? e.message }));
        req.end(options.body);
    });
}
function ok(outcome) {
    if ('error' in outcome)
        assert.fail(`expected an answer, got ${outcome.error}`);
    return outcome;
}
const errorOf = (outcome) => ('error' in outcome ? outcome.error : `HTTP ${outcome.status}`);
const NODES = [
    { id: 'alpha', area: 'eu', nat_group: 'nat-a', version: '2.0.0', peers: [{ id: 'beta', area: 'us', nat_group: 'nat-b', direct: false }] },
    { id: 'beta', area: 'us', nat_group: 'nat-b' },
    { id: 'gamma' },
];
describe('fleet simulator', () => {
    let sim;
    const url = (id, path) => `${sim.nodes.get(id).url}${path}`;
    before(async () => {
        sim = await startFleetSimulator({ nodes: NODES, slowMs: 200, expectedVersion: '1.5.0' });
    });
    after(() => sim.stop());
    it('serves each node on its own loopback port', () => {
        const ports = [...sim.nodes.values()].map((n) => n.port);
        assert.equal(new Set(ports).size, 3);
        for (const n of sim.nodes.values())
            assert.equal(n.url, `http://127.0.0.1:${n.port}`);
        assert.match(sim.controlUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
    });
    it('answers health, ready, status and peers', async () => {
        const health = ok(await http(url('alpha', '/health')));
        assert.equal(health.status, 200);
        assert.deepEqual(health.json(), { status: 'ok' });
        assert.equal(ok(await http(url('alpha', '/ready'))).status, 200);
        const status = ok(await http(url('alpha', '/cluster/status'))).json();
        assert.equal(status.node, 'alpha');
        assert.equal(status.agent_version, '2.0.0');
        assert.equal(status.control_endpoint, sim.controlUrl);
        assert.equal(status.update_state, 'idle');
        assert.deepEqual(status.peers, [{ id: 'beta', area: 'us', nat_group: 'nat-b', direct: false, ready: true }]);
        assert.deepEqual(ok(await http(url('alpha', '/cluster/peers'))).json(), status.peers);
        assert.equal(ok(await http(url('gamma', '/cluster/status'))).json().agent_version, '1.5.0', 'expectedVersion is the default');
        assert.equal(ok(await http(url('gamma', '/nope'))).status, 404);
    });
    it('down closes the port, and none reopens it on the same port', async () => {
        const port = sim.nodes.get('beta').port;
        await sim.setFault('beta', 'down');
        assert.equal(errorOf(await http(url('beta', '/health'))), 'ECONNREFUSED');
        const status = ok(await http(url('alpha', '/cluster/status'))).json();
        assert.equal(status.peers[0].ready, false, 'a down peer is not ready');
        const back = await sim.setFault('beta', 'none');
        assert.equal(back.port, port);
        assert.equal(ok(await http(`http://127.0.0.1:${port}/health`)).status, 200);
    });
    it('hang accepts the connection but never answers', async () => {
        const before = sim.connections('gamma');
        await sim.setFault('gamma', 'hang');
        const started = Date.now();
        assert.equal(errorOf(await http(url('gamma', '/health'), { timeoutMs: 300 })), 'TIMEOUT');
        assert.ok(Date.now() - started < 5000);
        assert.equal(sim.connections('gamma'), before + 1, 'the hung connection is counted');
        await sim.setFault('gamma', 'none');
        assert.equal(ok(await http(url('gamma', '/health'))).status, 200);
    });
    it('slow answers after slowMs', async () => {
        await sim.setFault('gamma', 'slow');
        const started = Date.now();
        assert.equal(ok(await http(url('gamma', '/health'))).status, 200);
        assert.ok(Date.now() - started >= 150, 'answered only after the delay');
        await sim.setFault('gamma', 'none');
    });
    it('flap fails every other request, deterministically', async () => {
        await sim.setFault('gamma', 'flap');
        const outcomes = [];
        for (let i = 0; i < 6; i++) {
            const outcome = await http(url('gamma', '/health'));
            outcomes.push('error' in outcome ? 'fail' : String(outcome.status));
        }
        assert.deepEqual(outcomes, ['fail', '200', 'fail', '200', 'fail', '200']);
        await sim.setFault('gamma', 'none');
    });
    it('unhealthy answers 500 on health and ready, but still reports status', async () => {
        await sim.setFault('gamma', 'unhealthy');
        assert.equal(ok(await http(url('gamma', '/health'))).status, 500);
        assert.equal(ok(await http(url('gamma', '/ready'))).status, 500);
        assert.equal(ok(await http(url('gamma', '/cluster/status'))).status, 200);
        await sim.setFault('gamma', 'none');
    });
    it('wrong-version changes the reported agent version', async () => {
        await sim.setFault('alpha', 'wrong-version');
        const status = ok(await http(url('alpha', '/cluster/status'))).json();
        assert.equal(status.agent_version, WRONG_VERSION);
        assert.notEqual(status.agent_version, '2.0.0');
        assert.equal(ok(await http(url('alpha', '/health'))).status, 200);
        await sim.setFault('alpha', 'none');
        assert.equal(ok(await http(url('alpha', '/cluster/status'))).json().agent_version, '2.0.0');
    });
    it('counts connections (a bare TCP connect too) and requests', async () => {
        const connections = sim.connections('beta');
        const requests = sim.requests('beta');
        await new Promise((resolve, reject) => {
            const socket = connect(sim.nodes.get('beta').port, '127.0.0.1', () => socket.end());
            socket.on('close', () => resolve());
            socket.on('error', reject);
        });
        await http(url('beta', '/health'));
        await http(url('beta', '/ready'));
        // The server may see the connection event just after the client is done: wait for it briefly.
        for (let i = 0; i < 50 && sim.connections('beta') < connections + 3; i++)
            await new Promise((r) => setTimeout(r, 10));
        assert.equal(sim.connections('beta'), connections + 3);
        assert.equal(sim.requests('beta'), requests + 2);
    });
    it('control API: list, switch, 400 and 404', async () => {
        const list = ok(await http(`${sim.controlUrl}/control/nodes`)).json();
        assert.deepEqual(list.map((n) => n.id), ['alpha', 'beta', 'gamma']);
        assert.deepEqual(Object.keys(list[0]).sort(), ['connections', 'fault', 'id', 'port', 'requests']);
        assert.equal(list[1].port, sim.nodes.get('beta').port);
        const switched = ok(await http(`${sim.controlUrl}/control/nodes/beta`, { method: 'POST', body: '{"fault":"unhealthy"}' }));
        assert.equal(switched.status, 200);
        assert.equal(switched.json().fault, 'unhealthy');
        assert.equal(ok(await http(url('beta', '/health'))).status, 500);
        const down = ok(await http(`${sim.controlUrl}/control/nodes/beta`, { method: 'POST', body: '{"fault":"down"}' }));
        assert.equal(down.json().fault, 'down');
        assert.equal(errorOf(await http(url('beta', '/health'))), 'ECONNREFUSED');
        ok(await http(`${sim.controlUrl}/control/nodes/beta`, { method: 'POST', body: '{"fault":"none"}' }));
        assert.equal(ok(await http(url('beta', '/health'))).status, 200);
        const bad = ok(await http(`${sim.controlUrl}/control/nodes/beta`, { method: 'POST', body: '{"fault":"melt"}' }));
        assert.equal(bad.status, 400);
        assert.equal(ok(await http(`${sim.controlUrl}/control/nodes/beta`, { method: 'POST', body: 'not json' })).status, 400);
        const unknown = ok(await http(`${sim.controlUrl}/control/nodes/zeta`, { method: 'POST', body: '{"fault":"none"}' }));
        assert.equal(unknown.status, 404);
        const after = ok(await http(`${sim.controlUrl}/control/nodes`)).json();
        assert.equal(after.find((n) => n.id === 'beta').fault, 'none');
    });
});
describe('fleet simulator lifecycle', () => {
    it('refuses a host that is not loopback', async () => {
        await assert.rejects(startFleetSimulator({ nodes: [], host: '0.0.0.0' }), /not a loopback address/);
        await assert.rejects(startFleetSimulator({ nodes: [], host: '192.168.1.10' }), /not a loopback address/);
    });
    it('stop() finishes promptly with a hung connection open', async () => {
        const sim = await startFleetSimulator({ nodes: [{ id: 'h' }], slowMs: 200 });
        await sim.setFault('h', 'hang');
        const pending = http(`${sim.nodes.get('h').url}/health`, { timeoutMs: 60_000 });
        for (let i = 0; i < 50 && sim.requests('h') === 0; i++)
            await new Promise((r) => setTimeout(r, 10));
        assert.equal(sim.connections('h'), 1);
        const started = Date.now();
        await sim.stop();
        assert.ok(Date.now() - started < 2000, 'stop() did not wait for the hung client');
        assert.notEqual(errorOf(await pending), 'TIMEOUT', 'the hung connection was closed by stop()');
    });
    it('a node that is down at stop() stops cleanly, and a taken port is reported', async () => {
        const first = await startFleetSimulator({ nodes: [{ id: 'a' }] });
        await first.setFault('a', 'down');
        await first.stop();
        const holder = await startFleetSimulator({ nodes: [{ id: 'x' }] });
        await assert.rejects(startFleetSimulator({ nodes: [{ id: 'y', port: holder.nodes.get('x').port }] }), /node y cannot listen/);
        await holder.stop();
    });
});
describe('simulatedNodesFromRegistry', () => {
    it('lists the bundled fleet: 16 nodes on loopback ports 47102-47117', () => {
        const nodes = simulatedNodesFromRegistry(REPO);
        assert.equal(nodes.length, 16);
        assert.deepEqual(nodes.map((n) => n.port).sort((a, b) => a - b), Array.from({ length: 16 }, (_, i) => 47102 + i));
        const disabled = nodes.filter((n) => !n.enabled).map((n) => n.id);
        assert.deepEqual(disabled, ['haskell-build-vm'], 'a disabled node is served too, marked');
        const node1 = nodes.find((n) => n.id === 'node1');
        assert.equal(node1.port, 47102);
        assert.equal(node1.area, 'daarion-eu');
        assert.equal(node1.nat_group, 'node1-public');
        assert.equal(node1.peers.length, 15);
        for (const peer of node1.peers)
            assert.equal(peer.direct, peer.area === 'daarion-eu');
        assert.ok(nodes.some((n) => n.version === '0.2.325-updatehintwake'));
    });
});
//# sourceMappingURL=fleetSimulator.test.js.map