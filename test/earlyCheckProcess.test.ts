/**
 * fleethub diff starts a side's check process as soon as its cache is final
 * (earlyCheckProcess), only where the checks step is likely to run a check, and
 * the checks step takes it (runChecks' `started`). Real caches, real check
 * processes.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { cachePath } from '../src/cache/cacheFile.js';
import { cacheMemo } from '../src/cache/cacheMemo.js';
import { refreshCache } from '../src/cache/refreshCache.js';
import { runChecks } from '../src/checks/runChecks.js';
import { earlyCheckProcess } from '../src/cli/earlyCheckProcess.js';
import { CHECK_MEMO_PREFIX } from '../src/reconcile/steps/checks.js';
import { fleetMaker, node, workload } from './helpers/fleet.js';

const made = fleetMaker();
after(made.cleanup);

const CHECKS = "kind: checks\ntitle: Checks\nchecks:\n  - id: nothing-on-n2\n    title: Nothing runs on n2\n    sql: SELECT id FROM workloads WHERE host = 'n2'\n    expect: { empty: true }\n";

test('a check process is started early only for a cache that holds checks and no check result, and the checks step takes it', async () => {
  const plain = made.fleet({ 'registry/nodes/n1.md': node('n1') });
  const none = await refreshCache(plain);
  assert.equal(earlyCheckProcess(none.db, cachePath(plain)), undefined, 'no named checks: no process');
  none.db.close();

  const dir = made.fleet({ 'registry/nodes/n1.md': node('n1'), 'registry/nodes/n2.md': node('n2'), 'registry/workloads/web.md': workload('web', 'host: n2\n'), 'policies/checks.yaml': CHECKS });
  const r = await refreshCache(dir);
  const started = earlyCheckProcess(r.db, cachePath(dir));
  assert.ok(started, 'checks and an empty memo: a process');
  after(() => started.stop()); // (a no-op once the run took it)
  // The checks step's run takes it: the answer is the real one (web runs on n2), and the process is ended with the run.
  const results = await runChecks(cachePath(dir), [{ id: 'nothing-on-n2', sql: "SELECT id FROM workloads WHERE host = 'n2'", expect: { empty: true }, timeoutMs: 5000 }], started);
  assert.deepEqual(results.map((x) => [x.id, x.status, x.count]), [['nothing-on-n2', 'fail', 1]]);
  // Taken: its 'ready' was read by the run, and it was stopped with it (one not taken would still answer 'ready').
  assert.equal((await started.next(200)).type, 'timeout');
  // A cache whose memo has a check's result mostly reuses it: no process started for nothing.
  cacheMemo(r.db).set(`${CHECK_MEMO_PREFIX}nothing-on-n2`, 'k', '{}');
  assert.equal(earlyCheckProcess(r.db, cachePath(dir)), undefined);
  r.db.close();
});
