/**
 * The hub with a real upstream (the loopback Git server): a task finished
 * through the API is the same outbox event `fleethub task` records, relayed in
 * the background as a commit upstream; while upstream is down it waits,
 * marked pending on the task and counted in the outbox section, and lands
 * when upstream is back; a `fleethub task` run while the hub runs (the relay
 * lock shared) just works, and the hub shows it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openOutbox } from '../src/outbox/openOutbox.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderModesFile } from '../src/evaluate/modesFile.js';
import { checkout, runGit, upstreamFile, upstreamLog, upstreamRepo } from '../scripts/git-server/fleetUpstream.js';
import { cliAsync, removeDir } from './helpers/fleet.js';
import { gitServerSuite } from './helpers/gitServerSuite.js';
import { testHub, waitFor } from './helpers/hubClient.js';
const ADA = { name: 'Ada Ops', email: 'ada@fleet.invalid' };
const suite = gitServerSuite();
const task = (hub, id) => hub.call('GET', '/api/workplans/WP').then((r) => r.json().tasks.find((t) => t.id === id));
const events = (root) => {
    const o = openOutbox(root, { create: false });
    try {
        return o?.list() ?? [];
    }
    finally {
        o?.close();
    }
};
describe('the hub relays', () => {
    it('a task finished through the API lands upstream as a commit, carrying the event fleethub task records', async () => {
        const url = await upstreamRepo(suite.server, 'hub-relay');
        const root = suite.keep(await checkout(url, ADA));
        const hub = await testHub(root, {}, { FLEETHUB_WRITER_NAME: '', FLEETHUB_WRITER_EMAIL: '' });
        try {
            const r = await hub.call('POST', '/api/tasks/WP/T01', { body: JSON.stringify({ action: 'done', note: 'finished from the hub' }) });
            assert.equal(r.status, 202, r.body);
            const body = r.json();
            assert.equal(body.to, 'done');
            assert.match(body.event, /^[0-9A-Z]{26}$/);
            const [event] = events(root);
            assert.equal(event.type, 'task.set');
            assert.deepEqual({ ...event.payload, date: 'd' }, { workplan: 'WP', task: 'T01', action: 'done', note: 'finished from the hub', date: 'd', file: 'workplans/WP.md' });
            assert.deepEqual(event.writer, ADA);
            await waitFor(async () => /- \[x\] T01 First/.test((await upstreamFile(suite.server, 'hub-relay', 'workplans/WP.md')) ?? ''), 'the event lands upstream');
            assert.match((await upstreamFile(suite.server, 'hub-relay', 'workplans/WP.md')), /finished from the hub/);
            await waitFor(async () => (await hub.call('GET', '/api/outbox')).json().upstream.online === true, 'the outbox section says upstream is online');
            const outbox = (await hub.call('GET', '/api/outbox')).json();
            assert.equal(outbox.pending, 0);
            assert.equal(outbox.upstream.url, url);
            const t01 = await task(hub, 'T01');
            assert.equal(t01.state, 'done');
            assert.equal(t01.upstream, true, 'relayed, not pulled yet');
        }
        finally {
            await hub.close();
        }
    });
    it('a task changed while upstream is down waits, marked pending, and lands when upstream is back', async () => {
        const url = await upstreamRepo(suite.server, 'hub-offline');
        const root = suite.keep(await checkout(url, ADA));
        const hub = await testHub(root);
        await suite.server.stop();
        try {
            const r = await hub.call('POST', '/api/tasks/WP/T02', { body: JSON.stringify({ action: 'start' }) });
            assert.equal(r.status, 202, r.body);
            const t02 = await task(hub, 'T02');
            assert.equal(t02.state, 'doing');
            assert.equal(t02.pending, true);
            await waitFor(async () => (await hub.call('GET', '/api/outbox')).json().upstream.online === false, 'the relay finds upstream down');
            const outbox = (await hub.call('GET', '/api/outbox')).json();
            assert.equal(outbox.pending, 1);
            assert.match(outbox.last_error, /unreachable/);
            assert.deepEqual(outbox.events.map((e) => e.target), [['WP/T02']]);
            const wp = (await hub.call('GET', '/api/workplans/WP')).json();
            assert.equal(wp.pending, true);
        }
        finally {
            await suite.server.start();
        }
        try {
            assert.equal((await hub.call('POST', '/api/relay', { body: '{}' })).status, 200);
            await waitFor(async () => /- \[\/\] T02 Second/.test((await upstreamFile(suite.server, 'hub-offline', 'workplans/WP.md')) ?? ''), 'the event lands once upstream is back');
            await waitFor(async () => (await hub.call('GET', '/api/outbox')).json().pending === 0, 'the outbox section empties');
            assert.equal((await task(hub, 'T02')).pending, undefined);
        }
        finally {
            await hub.close();
        }
    });
    it('a fleethub task from the command line while the hub runs just works, and the hub shows it', async () => {
        const url = await upstreamRepo(suite.server, 'hub-cli');
        const root = suite.keep(await checkout(url, ADA));
        const hub = await testHub(root);
        try {
            const runs = await Promise.all([cliAsync(['task', 'block', 'WP', 'T03', '--note', 'waiting on parts', '--root', root]), hub.call('POST', '/api/tasks/WP/T01', { body: '{"action":"start"}' })]);
            assert.equal(runs[0].code, 0, runs[0].stderr);
            assert.equal(runs[1].status, 202);
            await waitFor(async () => {
                const text = (await upstreamFile(suite.server, 'hub-cli', 'workplans/WP.md')) ?? '';
                return /- \[!\] T03 Third/.test(text) && /- \[\/\] T01 First/.test(text);
            }, 'both land upstream');
            assert.ok((await upstreamLog(suite.server, 'hub-cli')).length >= 2);
            await waitFor(async () => (await task(hub, 'T03')).state === 'blocked', 'the hub shows the CLI change');
            // The relay pushes, then settles its outbox: the second event may be upstream a moment before it is marked applied.
            await waitFor(() => events(root).filter((e) => e.state === 'applied').length === 2, 'both events settled as applied');
        }
        finally {
            await hub.close();
        }
    });
    it('rescans when HEAD moves: a pull that changes only status/ (which the watcher does not watch) shows on the board', async () => {
        const url = await upstreamRepo(suite.server, 'hub-head');
        const root = suite.keep(await checkout(url, ADA));
        const hub = await testHub(root);
        try {
            assert.equal((await hub.call('GET', '/api/nodes/a')).json().mode, 'UNKNOWN');
            const other = await checkout(url, { name: 'Other', email: 'other@fleet.invalid' });
            try {
                const at = '2026-01-01T00:00:00.000Z';
                mkdirSync(join(other, 'status'), { recursive: true });
                writeFileSync(join(other, 'status/modes.json'), renderModesFile(new Map([['a', { mode: 'DEGRADED', since: at, last_verified: null, observed_at: at, failures: 0, passes: 0, reason: 'tcp 127.0.0.1:1: refused' }]])));
                await runGit(['add', 'status/modes.json'], { cwd: other });
                await runGit(['commit', '-qm', 'node a went down'], { cwd: other });
                await runGit(['push', '-q', 'origin', 'HEAD'], { cwd: other });
            }
            finally {
                removeDir(other);
            }
            await runGit(['pull', '-q', '--ff-only'], { cwd: root });
            await waitFor(async () => (await hub.call('GET', '/api/nodes/a')).json().mode === 'DEGRADED', 'the hub rescans after HEAD moved');
        }
        finally {
            await hub.close();
        }
    });
});
//# sourceMappingURL=hubRelay.test.js.map