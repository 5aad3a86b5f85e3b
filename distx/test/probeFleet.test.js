/**
 * The probes against the real fleet simulator on loopback: a healthy fleet, every fault, the
 * concurrency limit, per-probe timeouts, the hard deadline, the loopback-only rule, the status
 * document, and that a tick leaves nothing open (a child process running a tick exits on its own).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startFleetSimulator, WRONG_VERSION } from '../scripts/sim/fleetSimulator.js';
import { isLoopback } from '../src/observe/isLoopback.js';
import { parseHostPort } from '../src/observe/parseHostPort.js';
import { parseStatusDocument } from '../src/observe/parseStatusDocument.js';
import { probeFleet } from '../src/observe/probeFleet.js';
import { probeHttp } from '../src/observe/probeHttp.js';
import { probeTcp } from '../src/observe/probeTcp.js';
const NOW = new Date('2025-01-02T03:04:05.000Z');
const options = (extra = {}) => ({ concurrency: 8, timeoutMs: 1000, deadlineMs: 5000, allowRemote: false, now: () => NOW, ...extra });
/** tcp, http health and status probes for each simulated node. */
function targetsOf(sim, ids = [...sim.nodes.keys()]) {
    return ids.flatMap((id) => {
        const n = sim.nodes.get(id);
        return [
            { node: id, type: 'tcp', target: `127.0.0.1:${n.port}` },
            { node: id, type: 'http', target: `${n.url}/health`, expectJson: { status: 'ok' } },
            { node: id, type: 'status', target: `${n.url}/cluster/status` },
        ];
    });
}
const byId = (obs, id) => obs.find((o) => o.node === id) ?? assert.fail(`no observation for ${id}`);
const errors = (o) => o.results.map((r) => r.error);
async function timed(fn) {
    const start = performance.now();
    const value = await fn();
    return { value, ms: performance.now() - start };
}
describe('isLoopback and parseHostPort', () => {
    it('accepts 127.0.0.0/8, ::1 and localhost, and nothing else', () => {
        for (const h of ['127.0.0.1', '127.1.2.3', '127.255.255.255', '::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1', 'localhost', 'LocalHost'])
            assert.equal(isLoopback(h), true, h);
        for (const h of ['', '128.0.0.1', '10.0.0.1', '192.0.2.1', '0.0.0.0', '::', '::2', '::ffff:10.0.0.1', '127.1', '127.0.0.1.nip.io',
            'localhost.example.com', 'example.com', '[::1', '1.127.0.0'])
            assert.equal(isLoopback(h), false, h);
    });
    it('splits host:port and [ipv6]:port', () => {
        assert.deepEqual(parseHostPort('127.0.0.1:80'), { host: '127.0.0.1', port: 80 });
        assert.deepEqual(parseHostPort('[::1]:8080'), { host: '::1', port: 8080 });
        assert.deepEqual(parseHostPort('localhost:1'), { host: 'localhost', port: 1 });
        for (const bad of ['127.0.0.1', '::1:80', '127.0.0.1:0', '127.0.0.1:65536', ':80', 'a b:80', 'h:80x'])
            assert.equal(parseHostPort(bad), undefined, bad);
    });
});
describe('parseStatusDocument', () => {
    it('keeps only known fields of the right type and never throws', () => {
        assert.deepEqual(parseStatusDocument({
            agent_version: '1.2.3', control_endpoint: 7, update_state: 'idle', extra: { deep: true },
            peers: [{ id: 'a', area: 'eu', nat_group: 5, direct: true, ready: 'yes', x: 1 }, { area: 'no id' }, null, 'b', { id: 'c', ready: false }],
        }), { agent_version: '1.2.3', update_state: 'idle', peers: [{ id: 'a', area: 'eu', direct: true }, { id: 'c', ready: false }] });
        assert.deepEqual(parseStatusDocument({ peers: 'none' }), {});
        for (const odd of [null, 1, 'x', [], undefined])
            assert.equal(parseStatusDocument(odd), undefined);
    });
});
describe('probeFleet against the simulator', () => {
    let sim;
    const ids = ['n01', 'n02', 'n03', 'n04'];
    before(async () => {
        sim = await startFleetSimulator({
            nodes: ids.map((id, i) => ({ id, area: i % 2 ? 'eu' : 'us', nat_group: 'nat-a', peers: [{ id: 'n01', area: 'us', nat_group: 'nat-a', direct: i !== 3 }] })),
            slowMs: 600,
        });
    });
    after(() => sim.stop());
    const reset = () => Promise.all(ids.map((id) => sim.setFault(id, 'none')));
    it('passes every probe of a healthy fleet, one observation per node, sorted', { timeout: 10_000 }, async () => {
        const targets = targetsOf(sim).reverse();
        const obs = await probeFleet(targets, options());
        assert.deepEqual(obs.map((o) => o.node), ids);
        for (const o of obs) {
            assert.equal(o.ok, true, o.reason);
            assert.equal(o.reason, 'all probes passed');
            assert.equal(o.at, NOW.toISOString());
            assert.deepEqual(o.results.map((r) => r.type), ['status', 'http', 'tcp'], 'results in the order given');
            assert.equal(o.results.find((r) => r.type === 'http').status, 200);
            assert.deepEqual(o.status, {
                agent_version: '1.0.0', control_endpoint: sim.controlUrl, update_state: 'idle',
                peers: [{ id: 'n01', area: 'us', nat_group: 'nat-a', direct: o.node !== 'n04', ready: true }],
            });
        }
    });
    it('down: refused', { timeout: 10_000 }, async () => {
        await sim.setFault('n02', 'down');
        try {
            const obs = await probeFleet(targetsOf(sim), options());
            const o = byId(obs, 'n02');
            assert.equal(o.ok, false);
            assert.deepEqual(errors(o), ['refused', 'refused', 'refused']);
            assert.equal(o.reason, `tcp 127.0.0.1:${sim.nodes.get('n02').port}: refused`);
            assert.equal(o.status, undefined);
            assert.ok(byId(obs, 'n01').ok && byId(obs, 'n03').ok && byId(obs, 'n04').ok);
            const status = byId(obs, 'n01').status;
            assert.equal(status.peers?.[0]?.ready, true);
        }
        finally {
            await reset();
        }
    });
    it('hang: timeout, and the node\'s remaining probes are skipped', { timeout: 10_000 }, async () => {
        await sim.setFault('n03', 'hang');
        const requestsBefore = sim.requests('n03');
        try {
            const { value: obs, ms } = await timed(() => probeFleet(targetsOf(sim), options({ timeoutMs: 300 })));
            const o = byId(obs, 'n03');
            assert.deepEqual(errors(o), [undefined, 'timeout', `skipped: http ${sim.nodes.get('n03').url}/health timed out`]);
            assert.ok(o.results[1].ms >= 290 && o.results[1].ms < 800, `timed out after ${o.results[1].ms} ms`);
            assert.match(o.reason, /^http http:\/\/127\.0\.0\.1:\d+\/health: timeout$/);
            assert.ok(ms < 1000, `tick took ${ms} ms`);
            assert.equal(sim.requests('n03') - requestsBefore, 1, 'the skipped status probe never reached the node');
        }
        finally {
            await reset();
        }
    });
    it('unhealthy: status 500; wrong-version: the status document says so', { timeout: 10_000 }, async () => {
        await sim.setFault('n01', 'unhealthy');
        await sim.setFault('n04', 'wrong-version');
        try {
            const obs = await probeFleet(targetsOf(sim), options());
            const sick = byId(obs, 'n01');
            assert.deepEqual(errors(sick), [undefined, 'status 500', undefined]);
            assert.equal(sick.results[1].status, 500);
            assert.equal(sick.reason, `http ${sim.nodes.get('n01').url}/health: status 500`);
            assert.equal(sick.status?.agent_version, '1.0.0', 'the status probe still passes and is read');
            const wrong = byId(obs, 'n04');
            assert.equal(wrong.ok, true);
            assert.equal(wrong.status?.agent_version, WRONG_VERSION);
            assert.equal(byId(obs, 'n02').status?.peers?.[0]?.ready, false, 'peer n01 is unhealthy');
        }
        finally {
            await reset();
        }
    });
    it('flap: a fresh connection per request sees the flap; slow past the timeout fails', { timeout: 10_000 }, async () => {
        await sim.setFault('n02', 'flap');
        await sim.setFault('n03', 'slow');
        try {
            const obs = await probeFleet(targetsOf(sim), options({ timeoutMs: 300 }));
            assert.deepEqual(errors(byId(obs, 'n02')), [undefined, 'reset', undefined]);
            assert.deepEqual(errors(byId(obs, 'n03')).slice(0, 2), [undefined, 'timeout']);
            const again = await probeFleet(targetsOf(sim, ['n02']), options());
            assert.deepEqual(errors(again[0]), [undefined, 'reset', undefined], 'the next tick flaps again: no kept-alive connection');
        }
        finally {
            await reset();
        }
    });
    it('expectJson and expectStatus mismatches, bad JSON, bad targets', { timeout: 10_000 }, async () => {
        const url = sim.nodes.get('n01').url;
        const obs = await probeFleet([
            { node: 'a', type: 'http', target: `${url}/health`, expectJson: { status: 'great' } },
            { node: 'b', type: 'http', target: `${url}/nope`, expectStatus: 404 },
            { node: 'c', type: 'status', target: `${url}/cluster/peers` },
            { node: 'd', type: 'tcp', target: 'no-port' },
            { node: 'd', type: 'http', target: 'not a url' },
            { node: 'd', type: 'http', target: 'ftp://127.0.0.1/x' },
        ], options());
        assert.deepEqual(obs.map((o) => [o.node, ...errors(o)]), [
            ['a', 'json status: got "ok", want "great"'],
            ['b', undefined],
            ['c', 'bad status document'],
            ['d', 'bad target', 'bad target', 'unsupported protocol ftp:'],
        ]);
    });
    it('localhost and [::1] targets are loopback; a name is only ever resolved to loopback', { timeout: 10_000 }, async () => {
        const port = sim.nodes.get('n01').port;
        const obs = await probeFleet([
            { node: 'a', type: 'tcp', target: `localhost:${port}` },
            { node: 'a', type: 'http', target: `http://localhost:${port}/health` },
            { node: 'b', type: 'tcp', target: `[::1]:${port}` },
        ], options());
        assert.equal(obs[0].ok, true, obs[0].reason);
        // The simulator listens on 127.0.0.1 only, so [::1] is refused (or unreachable without IPv6) — but it is tried.
        assert.notEqual(obs[1].results[0].error, 'not loopback');
    });
    it('never contacts a target that is not loopback unless allowRemote', { timeout: 10_000 }, async () => {
        const { value: obs, ms } = await timed(() => probeFleet([
            { node: 'remote', type: 'tcp', target: '192.0.2.1:80' },
            { node: 'remote', type: 'http', target: 'http://192.0.2.1/health' },
            { node: 'remote', type: 'status', target: 'http://[2001:db8::1]:8080/cluster/status' },
            { node: 'remote', type: 'http', target: 'http://example.invalid/health' },
        ], options({ timeoutMs: 5000 })));
        assert.ok(ms < 50, `took ${ms} ms`);
        assert.deepEqual(errors(obs[0]), ['not loopback', 'not loopback', 'not loopback', 'not loopback']);
        assert.ok(obs[0].results.every((r) => r.ms === 0 && !r.ok));
        assert.equal(obs[0].reason, 'tcp 192.0.2.1:80: not loopback');
    });
    it('probeTcp and probeHttp honour an aborted signal and never throw', { timeout: 10_000 }, async () => {
        const controller = new AbortController();
        controller.abort();
        const url = sim.nodes.get('n01').url;
        assert.equal((await probeTcp(`127.0.0.1:${sim.nodes.get('n01').port}`, 1000, controller.signal)).error, 'aborted');
        assert.equal((await probeHttp(`${url}/health`, { timeoutMs: 1000, signal: controller.signal })).result.error, 'aborted');
        const tiny = await probeHttp(`${url}/cluster/status`, { timeoutMs: 1000, signal: new AbortController().signal, readJson: true, maxBodyBytes: 10 });
        assert.equal(tiny.result.error, 'body too large');
    });
});
describe('probeFleet timing', () => {
    let sim;
    const hanging = Array.from({ length: 20 }, (_, i) => `hang-${String(i).padStart(2, '0')}`);
    const healthy = Array.from({ length: 20 }, (_, i) => `ok-${String(i).padStart(2, '0')}`);
    before(async () => {
        sim = await startFleetSimulator({ nodes: [...hanging, ...healthy].map((id) => ({ id })) });
        for (const id of hanging)
            await sim.setFault(id, 'hang');
    });
    after(() => sim.stop());
    it('20 hanging + 20 healthy at concurrency 8, timeout 300: well under 20 timeouts', { timeout: 15_000 }, async () => {
        const { value: obs, ms } = await timed(() => probeFleet(targetsOf(sim), options({ concurrency: 8, timeoutMs: 300, deadlineMs: 10_000 })));
        assert.ok(ms < 2000, `tick took ${Math.round(ms)} ms`);
        for (const id of healthy)
            assert.equal(byId(obs, id).ok, true, byId(obs, id).reason);
        for (const id of hanging)
            assert.equal(byId(obs, id).results[1].error, 'timeout');
    });
    it('never has more than `concurrency` probes in flight', { timeout: 15_000 }, async () => {
        const some = hanging.slice(0, 6);
        const before = some.reduce((sum, id) => sum + sim.requests(id), 0);
        const tick = probeFleet(targetsOf(sim, some), options({ concurrency: 3, timeoutMs: 500 }));
        await new Promise((resolve) => setTimeout(resolve, 250));
        const inFlight = some.reduce((sum, id) => sum + sim.requests(id), 0) - before;
        assert.equal(inFlight, 3, 'three hanging requests held, no more');
        await tick;
    });
    it('the deadline aborts what is still running and the tick returns at once', { timeout: 15_000 }, async () => {
        const { value: obs, ms } = await timed(() => probeFleet(targetsOf(sim, ['hang-00', 'ok-00']), options({ timeoutMs: 5000, deadlineMs: 300 })));
        assert.ok(ms < 1500, `tick took ${Math.round(ms)} ms`);
        const o = byId(obs, 'hang-00');
        assert.deepEqual(errors(o), [undefined, 'deadline', 'deadline']);
        assert.equal(o.reason, `http ${sim.nodes.get('hang-00').url}/health: deadline`);
        assert.equal(byId(obs, 'ok-00').ok, true);
    });
    it('leaves nothing open: a process that runs a tick against hanging nodes exits by itself', { timeout: 15_000 }, async () => {
        const module = (name) => JSON.stringify(fileURLToPath(new URL(`../src/observe/${name}.js`, import.meta.url)));
        const targets = JSON.stringify(targetsOf(sim, ['hang-01', 'hang-02', 'ok-01']));
        const script = `
      const { probeFleet } = await import(${module('probeFleet')});
      const obs = await probeFleet(${targets}, { concurrency: 4, timeoutMs: 5000, deadlineMs: 300, allowRemote: false, now: () => new Date() });
      console.log(JSON.stringify(obs.map((o) => o.reason)));`;
        const start = performance.now();
        const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        child.stdout.on('data', (chunk) => (out += chunk));
        const code = await new Promise((resolve) => {
            const kill = setTimeout(() => child.kill(), 4000);
            child.on('exit', (c) => { clearTimeout(kill); resolve(c); });
        });
        const ms = performance.now() - start;
        assert.equal(code, 0, 'the child exited by itself');
        assert.ok(ms < 3000, `child took ${Math.round(ms)} ms (a leftover 5 s probe timer or a socket would keep it alive)`);
        const reasons = JSON.parse(out);
        assert.match(reasons[0], /: deadline$/);
        assert.equal(reasons[2], 'all probes passed');
    });
});
//# sourceMappingURL=probeFleet.test.js.map