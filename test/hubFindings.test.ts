/**
 * One truth across commands: the hub's findings are `fleethub reconcile
 * --format json`'s on the same files, before and after a file is edited under
 * the running hub (generated-drift included: the hub renders status/ as
 * reconcile does); and a save arrives in two phases over SSE, the first with
 * the records refreshed and the findings marked evaluating, never a finding
 * the finished evaluation does not have.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { applyHubChange } from '../src/hub/applyHubChange.js';
import { EVALUATING } from '../src/hub/evaluateHub.js';
import { cliAsync, copyExampleFleet, DEMO_TRUST_ROOT, removeDir } from './helpers/fleet.js';
import { saveFirstOpenTask, sse, testHub, waitFor, type TestHub } from './helpers/hubClient.js';
import type { ReconcileFindingJson } from '../src/report/reconcileReport.js';


const ENV = { FLEETHUB_TRUST_ROOT: DEMO_TRUST_ROOT };

/** `fleethub reconcile --format json`'s findings: the hub's are the same objects, field for field. */
async function cliFindings(root: string): Promise<unknown[]> {
  const run = await cliAsync(['reconcile', '--format', 'json'], { cwd: root, env: ENV });
  assert.ok(run.code === 0 || run.code === 1, run.stderr);
  return (run.json() as { findings: ReconcileFindingJson[] }).findings;
}

describe('the hub and fleethub reconcile: the same findings', () => {
  let root: string;
  let hub: TestHub;
  before(async () => {
    root = copyExampleFleet({ status: true });
    hub = await testHub(root, {}, ENV);
  });
  after(async () => {
    await hub.close();
    removeDir(root);
  });

  const hubFindings = async (): Promise<unknown> => (await hub.call('GET', '/api/findings')).json();

  it('at start', async () => {
    assert.deepEqual(await hubFindings(), await cliFindings(root));
  });

  it('after a workload file is edited under the hub: a new finding and the board out of date (generated-drift), as reconcile says', async () => {
    const file = join(root, 'registry/workloads/activity-core.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^host: railiance01$/m, 'host: no-such-node-anywhere'));
    await waitFor(async () => JSON.stringify(await hubFindings()).includes('no-such-node-anywhere'), 'the hub shows the broken reference');
    await hub.refresher.idle();
    const shown = (await hubFindings()) as Array<{ code: string; file: string | null }>;
    assert.ok(
      shown.some((f) => f.code === 'generated-drift' && f.file === 'status/BOARD.md'),
      `the hub reports status/BOARD.md out of date: ${JSON.stringify(shown.map((f) => f.code))} ${hub.logs.join('\n')}`,
    );
    assert.deepEqual(shown, await cliFindings(root));
  });

  it('a save arrives in two phases: the records first (findings and checks evaluating), then the finished evaluation', async () => {
    await hub.refresher.idle();
    const before = hub.state.snapshot()!.sections;
    const stream = await sse(hub, `/api/events?since=${hub.state.snapshot()!.revision}`);
    try {
      saveFirstOpenTask(root, 'workplans/VNEXT-P1.md', '/');
      const first = await stream.next((e) => e.event === 'change', 'the first phase');
      assert.deepEqual(first.data.sections.findings, EVALUATING);
      assert.deepEqual(first.data.sections.checks, EVALUATING);
      assert.deepEqual(first.data.sections.fleet.findings, EVALUATING);
      const states = (sections: Record<string, unknown>): string[] | undefined => (sections.workplans as Array<{ file: string; tasks: Array<{ state: string }> }> | undefined)?.find((w) => w.file === 'workplans/VNEXT-P1.md')?.tasks.map((t) => t.state);
      assert.ok((first.data.items.workplans.changed as Array<{ file: string }>).some((w) => w.file === 'workplans/VNEXT-P1.md'), 'the first phase carries the saved workplan');
      const shown = applyHubChange(before, first.data);
      assert.notDeepEqual(states(shown), states(before), 'with the task state the file now has');
      const second = await stream.next((e) => e.event === 'change' && Array.isArray(e.data.sections.findings), 'the finished evaluation');
      assert.ok(second.data.revision > first.data.revision);
      assert.ok(Array.isArray(second.data.sections.checks));
      await hub.refresher.idle();
      assert.deepEqual(states(hub.state.snapshot()!.sections), states(shown), 'the task states of the first phase are the finished ones');
      assert.deepEqual(await hubFindings(), await cliFindings(root));
    } finally {
      stream.close();
    }
  });
});
