/**
 * Three writers, each with its own checkout and outbox, relaying 300 events
 * each to the same upstream at the same time (real processes, a real Git
 * server): pushes race, losers fetch and re-apply, and every event lands
 * exactly once — counted in the upstream journals and in the files.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openOutbox } from '../src/outbox/openOutbox.js';
import { recordEvents } from '../src/outbox/recordEvents.js';
import { journalIds, journalPath } from '../src/relay/journal.js';
import { cliAsync } from './helpers/fleet.js';
import { gitServerSuite } from './helpers/gitServerSuite.js';
import { checkout, upstreamFile, upstreamLog, upstreamRepo } from '../scripts/git-server/fleetUpstream.js';
const WRITERS = ['ada', 'bob', 'cyd'].map((n) => ({ name: n.toUpperCase(), email: `${n}@fleet.invalid` }));
const EVENTS = 300;
const TASKS = ['T01', 'T02', 'T03'];
const suite = gitServerSuite();
describe('three writers relaying concurrently', () => {
    it(`lands each of ${WRITERS.length} × ${EVENTS} events exactly once`, async () => {
        const url = await upstreamRepo(suite.server, 'three');
        const roots = [];
        for (const w of WRITERS) {
            const root = await checkout(url, w);
            suite.keep(root);
            roots.push(root);
            const env = { FLEETHUB_WRITER_NAME: w.name, FLEETHUB_WRITER_EMAIL: w.email };
            const bodies = Array.from({ length: EVENTS }, (_, i) => ({
                type: 'task.set',
                payload: { workplan: 'WP', task: TASKS[i % TASKS.length], action: i % 2 === 0 ? 'start' : 'done', note: `${w.name} #${i}`, date: '2026-12-01', file: 'workplans/WP.md' },
            }));
            await recordEvents(root, bodies, { env, now: () => new Date() });
        }
        const runs = await Promise.all(roots.map((root) => cliAsync(['relay', '--batch-size', '25', '--format', 'json', '--root', root])));
        for (const r of runs)
            assert.equal(r.code, 0, r.stdout + r.stderr);
        const pushes = runs.map((r) => JSON.parse(r.stdout).pushes);
        assert.ok(pushes.some((n) => n > 1), `at least one writer lost a race and re-applied (pushes: ${pushes.join(', ')})`);
        const plan = (await upstreamFile(suite.server, 'three', 'workplans/WP.md'));
        for (const [i, w] of WRITERS.entries()) {
            const outbox = openOutbox(roots[i], { create: false });
            try {
                assert.deepEqual(outbox.counts(), { pending: 0, applied: EVENTS, dead: 0, dropped: 0 });
                const ids = outbox.list('applied').map((e) => e.id);
                const journal = (await upstreamFile(suite.server, 'three', journalPath(w)));
                assert.equal(journal.trimEnd().split('\n').length, EVENTS, `${w.name}: one journal line per event`);
                assert.deepEqual([...journalIds(journal)].sort(), [...ids].sort(), `${w.name}: the journal holds exactly its events`);
            }
            finally {
                outbox.close();
            }
            for (let n = 0; n < EVENTS; n++) {
                const found = plan.split(`: ${w.name} #${n}\n`).length - 1;
                assert.equal(found, 1, `${w.name} #${n} appears ${found} times`);
            }
        }
        const commits = (await upstreamLog(suite.server, 'three')).filter((s) => s.startsWith('fleethub:'));
        assert.equal(commits.length, WRITERS.length * (EVENTS / 25), 'one commit per batch, none twice');
    });
});
//# sourceMappingURL=relayConcurrent.test.js.map