/**
 * The reconcile steps get their I/O from the context: the cache refresh, the
 * Git history walk, the check runner and the clock are the io's, and a step
 * that reads the cache before the load step fails in one place, with a typed error.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { fileIo } from '../src/cli/fileIo.js';
import { openOutbox } from '../src/outbox/openOutbox.js';
import { reconcile, STEPS } from '../src/reconcile/reconcile.js';
import { checks } from '../src/reconcile/steps/checks.js';
import { freeze } from '../src/reconcile/steps/freeze.js';
import { load } from '../src/reconcile/steps/load.js';
import { validate } from '../src/reconcile/steps/validate.js';
import { findingRecord } from '../src/records/findingRecord.js';
import { copyExampleFleet, removeDir } from './helpers/fleet.js';
const OFFLINE = { probe: false, write: false, allowRemote: false };
const dirs = [];
const fleet = () => {
    const d = copyExampleFleet();
    dirs.push(d);
    return d;
};
after(() => dirs.forEach(removeDir));
describe('reconcile I/O from the context', () => {
    it('a step that needs the cache before load fails with cache-not-loaded, not a TypeError', async () => {
        await assert.rejects(reconcile(fileIo(fleet()), OFFLINE, [validate]), (e) => e.code === 'cache-not-loaded' && /put load first/.test(e.message));
    });
    it('the events reconcile --push records carry the io clock, as the context does', async () => {
        const root = fleet();
        const at = new Date('2031-02-03T04:05:06.000Z');
        const ctx = await reconcile(fileIo(root, { GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.test' }, () => at), { ...OFFLINE, push: true });
        ctx.db.close();
        assert.equal(ctx.now, at.toISOString());
        assert.ok(ctx.recorded.length > 0, 'a fresh copy without status/ has artifacts to record');
        const outbox = openOutbox(root);
        try {
            const events = outbox.list();
            assert.deepEqual([...new Set(events.map((e) => e.at))], [at.toISOString()]);
        }
        finally {
            outbox.close();
        }
    });
    it('the checks step runs the checks through io.runChecks, with options.checks selecting them', async () => {
        const root = fleet();
        const asked = [];
        const io = { ...fileIo(root), runChecks: async (list) => (asked.push(list.map((c) => c.id)), list.map((c) => ({ id: c.id, status: 'fail', count: 7, rows: [], message: 'stubbed', ms: 0 }))) };
        const all = await reconcile(io, OFFLINE, [load, validate, checks]);
        all.db.close();
        assert.ok(asked[0].length > 1);
        const one = asked[0][0];
        const only = await reconcile(io, { ...OFFLINE, checks: [one] }, [load, validate, checks]);
        only.db.close();
        assert.deepEqual(asked[1], [one]);
        assert.deepEqual(only.findings.filter((f) => f.code === 'check-failed').map(findingRecord), [`check:${one}`]);
    });
    it('the freeze step dates placements with io.placementHistory', async () => {
        const root = fleet();
        const walked = [];
        const io = { ...fileIo(root), placementHistory: async (files) => (walked.push(files), { available: false, reason: 'unreadable', detail: 'stubbed' }) };
        const ctx = await reconcile(io, OFFLINE, [load, freeze]);
        ctx.db.close();
        assert.equal(walked.length, 1);
        assert.ok(walked[0].every((f) => f.startsWith('registry/workloads/')));
    });
    it('the full loop runs on the io alone (no step reaches for the cache refresh itself)', async () => {
        const root = fleet();
        let refreshed = 0;
        const real = fileIo(root);
        const ctx = await reconcile({ ...real, refreshCache: async () => (refreshed++, real.refreshCache()) }, OFFLINE, STEPS);
        ctx.db.close();
        assert.equal(refreshed, 1);
    });
});
//# sourceMappingURL=reconcileIo.test.js.map