/**
 * workplanGraph with a patch (the hub's first phase after a save): only the
 * saved workplan files read again, the rest taken from the previous graph,
 * gives the graph a full read gives — tasks in the same order — on a real
 * cache after a task flipped, a task with a dependency added, a workplan file
 * deleted and one created; the previous graph is left as it was.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { refreshCache } from '../src/cache/refreshCache.js';
import { workplanGraph } from '../src/workplans/workplanGraph.js';
import { copyExampleFleet, removeDir } from './helpers/fleet.js';
const plain = (g) => ({ workplans: g.workplans, tasks: [...g.tasks.entries()] });
describe('workplanGraph patched with the saved files', () => {
    const root = copyExampleFleet();
    after(() => removeDir(root));
    it('equals a full read after edits, deletions and creations, and leaves the previous graph alone', async () => {
        let { db } = await refreshCache(root);
        const previous = workplanGraph(db);
        const before = JSON.stringify(plain(previous));
        db.close();
        const p1 = join(root, 'workplans/VNEXT-P1.md');
        writeFileSync(p1, readFileSync(p1, 'utf8').replace(/^- \[ \] P1-01 /m, '- [x] P1-01 ').replace(/^(- \[ \] P1-03 .*)$/m, '$1\n\n- [ ] P1-99 A task added by the test [depends:: P1-01]'));
        rmSync(join(root, 'workplans/VNEXT-P4.md'));
        writeFileSync(join(root, 'workplans/AAA-NEW.md'), '---\ntitle: A new workplan\nstatus: active\n---\n# Tasks\n\n- [ ] T01 First [depends:: VNEXT-P1/P1-99]\n');
        const files = ['workplans/VNEXT-P1.md', 'workplans/VNEXT-P4.md', 'workplans/AAA-NEW.md'];
        ({ db } = await refreshCache(root, { paths: files }));
        try {
            const full = workplanGraph(db);
            assert.ok(full.tasks.has('VNEXT-P1/P1-99') && full.tasks.has('AAA-NEW/T01') && ![...full.tasks.keys()].some((k) => k.startsWith('VNEXT-P4/')), 'the edits are in the cache');
            assert.deepEqual(plain(workplanGraph(db, { previous, files: new Set(files) })), plain(full));
            assert.equal(JSON.stringify(plain(previous)), before);
        }
        finally {
            db.close();
        }
    });
});
//# sourceMappingURL=workplanGraphPatch.test.js.map