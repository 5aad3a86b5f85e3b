/**
 * Workplans: readiness (ready, waiting, blocked; cancelled dependencies count
 * as done; dependencies across workplans), critical paths (deterministic,
 * robust to cycles and deep chains), done-when verification, the board's
 * Workplans section, and `fleethub workplan` against the example fleet.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { workplan } from '../src/cli/workplan.js';
import type { Context } from '../src/cli/command.js';
import { reconcile } from '../src/reconcile/reconcile.js';
import { fileIo } from '../src/cli/fileIo.js';
import type { CheckResult } from '../src/checks/checkResult.js';
import { checks } from '../src/reconcile/steps/checks.js';
import { load } from '../src/reconcile/steps/load.js';
import { validate } from '../src/reconcile/steps/validate.js';
import { workplans } from '../src/reconcile/steps/workplans.js';
import { PLAIN } from '../src/report/style.js';
import { criticalPaths } from '../src/workplans/criticalPaths.js';
import { progressBar } from '../src/report/progressBar.js';
import { readiness } from '../src/workplans/readiness.js';
import { verifyDoneWhen } from '../src/workplans/verifyDoneWhen.js';
import type { GraphTask, TaskState, WorkplanGraph } from '../src/workplans/workplanGraph.js';
import { workplansSection } from '../src/report/workplansSection.js';
import { copyExampleFleet, fleetMaker, removeDir } from './helpers/fleet.js';
import { renderBoardSection } from '../src/report/renderBoardSection.js';
import { findingRecord } from '../src/records/findingRecord.js';

/** `WP/T1 todo < T0, X/T2 ? check-a` — key, state, dependencies (same workplan unless qualified), done-when. */
function graph(...specs: string[]): WorkplanGraph {
  const tasks = new Map<string, GraphTask>();
  const wps = new Map<string, string[]>();
  specs.forEach((spec, i) => {
    const m = /^(\S+)\/(\S+) (\w+)(?: < ([^?]+))?(?: \? (.+))?$/.exec(spec.trim());
    if (!m) throw new Error(`bad spec ${spec}`);
    const [, wp, id, state, deps, checks] = m as unknown as [string, string, string, TaskState, string | undefined, string | undefined];
    const list = (s: string | undefined): string[] => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : []);
    const key = `${wp}/${id}`;
    tasks.set(key, { key, workplan: wp, id, title: `Task ${id} title`, state, owner: 'ops', depends: list(deps).map((d) => (d.includes('/') ? d : `${wp}/${d}`)), doneWhen: list(checks), file: `workplans/${wp}.md`, line: i + 5, col: 7 });
    if (!wps.has(wp)) wps.set(wp, []);
    wps.get(wp)!.push(key);
  });
  const workplans = [...wps.keys()].sort().map((id) => ({ id, title: `Workplan ${id}`, status: 'active', owner: 'ops', file: `workplans/${id}.md`, tasks: wps.get(id)! }));
  return { workplans, tasks };
}
const readinessOf = (g: WorkplanGraph): Record<string, string> => Object.fromEntries([...readiness(g).tasks].map(([k, r]) => [k, r.readiness]));
const result = (id: string, status: CheckResult['status']): [string, CheckResult] => [id, { id, status, count: 0, rows: [], message: `${id} ${status}`, ms: 1 }];
const shuffled = (g: WorkplanGraph): WorkplanGraph => ({ workplans: [...g.workplans].reverse(), tasks: new Map([...g.tasks].reverse()) });

describe('workplan readiness', () => {
  it('is ready when every dependency is done or cancelled, waiting otherwise, and keeps done, doing and cancelled', () => {
    const g = graph('W/T1 done', 'W/T2 cancelled', 'W/T3 todo < T1, T2', 'W/T4 doing < T1', 'W/T5 todo < T3, T4', 'W/T6 todo', 'W/T7 cancelled < T5');
    assert.deepEqual(readinessOf(g), { 'W/T1': 'done', 'W/T2': 'cancelled', 'W/T3': 'ready', 'W/T4': 'doing', 'W/T5': 'waiting', 'W/T6': 'ready', 'W/T7': 'cancelled' });
    const w = readiness(g).workplans.get('W')!;
    assert.deepEqual([w.done, w.total, w.cancelled], [1, 5, 2]);
    assert.deepEqual(w.ready, ['W/T3', 'W/T6']);
    assert.deepEqual(readiness(g).tasks.get('W/T5')!.waitingOn, ['W/T3', 'W/T4']);
  });

  it('is blocked by a blocked box or an unknown dependency, down the chain of todo tasks but not through work in progress', () => {
    const g = graph('W/T1 blocked', 'W/T2 todo < T1', 'W/T3 todo < T2', 'W/T4 todo < X/T9', 'W/T5 doing < T1', 'W/T6 todo < T5', 'W/T7 blocked');
    assert.deepEqual(readinessOf(g), { 'W/T1': 'blocked', 'W/T2': 'blocked', 'W/T3': 'blocked', 'W/T4': 'blocked', 'W/T5': 'doing', 'W/T6': 'waiting', 'W/T7': 'blocked' });
    const r = readiness(g);
    assert.deepEqual(r.tasks.get('W/T3')!.blockedBy, ['W/T2']);
    assert.deepEqual(r.tasks.get('W/T4')!.unknown, ['X/T9']);
    assert.deepEqual(r.tasks.get('W/T4')!.blockedBy, ['X/T9']);
    assert.deepEqual(r.workplans.get('W')!.blocked, ['W/T1', 'W/T2', 'W/T3', 'W/T4', 'W/T7']);
  });

  it('follows dependencies across workplans', () => {
    const g = graph('A/T1 done', 'A/T2 todo', 'B/T1 todo < A/T1', 'B/T2 todo < A/T2', 'C/T1 todo < B/T2, A/T1', 'B/T3 blocked', 'C/T2 todo < B/T3');
    assert.deepEqual(readinessOf(g), { 'A/T1': 'done', 'A/T2': 'ready', 'B/T1': 'ready', 'B/T2': 'waiting', 'C/T1': 'waiting', 'B/T3': 'blocked', 'C/T2': 'blocked' });
  });
});

describe('critical paths', () => {
  it('is the longest chain of open tasks ending in the workplan, across workplans, ties broken by id', () => {
    const g = graph('A/T1 todo', 'A/T2 todo < T1', 'A/T3 done', 'B/T1 todo < A/T2, A/T3', 'B/T2 todo < T1', 'B/T3 todo', 'B/T4 todo < T3', 'C/T1 cancelled', 'D/T1 todo', 'D/T2 todo');
    const paths = criticalPaths(g);
    assert.deepEqual(paths.get('A'), ['A/T1', 'A/T2']);
    assert.deepEqual(paths.get('B'), ['A/T1', 'A/T2', 'B/T1', 'B/T2']);
    assert.deepEqual(paths.get('C'), [], 'nothing open');
    assert.deepEqual(paths.get('D'), ['D/T1'], 'a tie goes to the smaller id');
    assert.deepEqual(criticalPaths(shuffled(g)), paths);
  });

  it('picks the same path among equal chains whatever the order of the input', () => {
    const g = graph('W/T5 todo < T3, T2, T4', 'W/T4 todo < T1', 'W/T3 todo < T1', 'W/T2 todo < T0', 'W/T1 todo', 'W/T0 todo');
    assert.deepEqual(criticalPaths(g).get('W'), ['W/T0', 'W/T2', 'W/T5']);
    assert.deepEqual(criticalPaths(shuffled(g)).get('W'), ['W/T0', 'W/T2', 'W/T5']);
  });

  it('never loops on cycles or self-dependencies, and handles very deep chains', () => {
    const g = graph('W/T1 todo < T3', 'W/T2 todo < T1', 'W/T3 todo < T2', 'W/T4 todo < T4', 'W/T5 todo < T3, T9', 'V/T1 todo < W/T5, V/T1');
    const r = readiness(g);
    assert.equal(r.tasks.get('W/T1')!.readiness, 'waiting');
    assert.equal(r.tasks.get('W/T5')!.readiness, 'blocked', 'W/T9 is unknown');
    const paths = criticalPaths(g);
    // The edge back into the chain being followed (W/T1 -> W/T3) is the one ignored.
    assert.deepEqual(paths.get('W'), ['W/T1', 'W/T2', 'W/T3', 'W/T5']);
    assert.deepEqual(paths.get('V'), ['W/T1', 'W/T2', 'W/T3', 'W/T5', 'V/T1']);
    assert.deepEqual(criticalPaths(g), paths, 'deterministic');
    const deep = graph(...Array.from({ length: 30_000 }, (_, i) => `W/T${i} todo${i > 0 ? ` < T${i - 1}` : ''}`));
    assert.equal(criticalPaths(deep).get('W')!.length, 30_000);
    assert.equal(readiness(deep).workplans.get('W')!.ready.length, 1);
  });
});

describe('done-when verification', () => {
  const g = graph('W/T1 done ? a', 'W/T2 done ? a, b', 'W/T3 todo ? a', 'W/T4 doing ? a, c', 'W/T5 todo ? a, e', 'W/T6 done ? e', 'W/T7 cancelled ? a', 'W/T8 done', 'W/T9 blocked ? a, t');
  const results = new Map([result('a', 'pass'), result('b', 'fail'), result('c', 'pass'), result('e', 'error'), result('t', 'timeout')]);

  it('reports a task ticked done whose check fails, and a task not ticked whose checks pass', () => {
    const v = verifyDoneWhen(g.tasks.values(), results);
    assert.deepEqual(
      v.findings.map((f) => [f.code, f.severity, f.id]),
      [
        ['done-not-verified', 'error', 'W/T2'],
        ['verified-not-ticked', 'warning', 'W/T3'],
        ['verified-not-ticked', 'warning', 'W/T4'],
      ],
    );
    assert.match(v.findings[0]!.message, /W\/T2 is ticked done, but its done-when check b \(b fail\) fails/);
    assert.match(v.findings[1]!.message, /fleethub task done W T3/);
    const verdict = (k: string): string => v.tasks.get(`W/${k}`)!.verdict;
    assert.deepEqual(['T1', 'T2', 'T3', 'T5', 'T6', 'T7', 'T8', 'T9'].map(verdict), ['pass', 'fail', 'pass', 'unknown', 'unknown', 'pass', 'none', 'unknown']);
    assert.deepEqual(v.tasks.get('W/T9')!.checks.map((c) => c.outcome), ['pass', 'timeout']);
  });

  it('a verified task that still waits on a dependency: the finding says to finish the dependency first, not just to tick it', () => {
    const chain = graph('W/T1 doing', 'W/T2 todo < T1 ? a', 'W/T3 todo < T2 ? a', 'W/T4 todo < T5 ? a', 'W/T5 done');
    const v = verifyDoneWhen(chain.tasks.values(), results, readiness(chain).tasks);
    const byId = new Map(v.findings.map((f) => [f.id, f]));
    assert.deepEqual([...byId.keys()], ['W/T2', 'W/T3', 'W/T4']);
    assert.match(byId.get('W/T2')!.message, /every done-when check passes \(a\); finish W\/T1 first \(it depends on it\), then tick it done: fleethub task done W T2$/);
    assert.equal(byId.get('W/T2')!.hint, 'finish W/T1 first (it depends on it), then tick the task: fleethub task done W T2');
    assert.match(byId.get('W/T3')!.hint!, /^finish W\/T2 first/);
    // Its dependency done: nothing to finish first.
    assert.equal(byId.get('W/T4')!.hint, 'tick the task: fleethub task done W T4');
    assert.match(byId.get('W/T4')!.message, /\(a\); tick it done: fleethub task done W T4$/);
  });

  it('gives no verdict when the checks did not run', () => {
    const v = verifyDoneWhen(g.tasks.values(), new Map());
    assert.deepEqual(v.findings, []);
    assert.deepEqual(v.tasks.get('W/T2')!.checks, [
      { id: 'a', outcome: 'not-run', message: 'did not run' },
      { id: 'b', outcome: 'not-run', message: 'did not run' },
    ]);
    assert.equal(v.tasks.get('W/T2')!.verdict, 'unknown');
  });
});

describe('the Workplans board section', () => {
  const g = graph('A/T01 done', 'A/T02 todo < T01', 'A/T03 blocked < T01', 'A/T04 todo < T02, T03', 'A/T05 cancelled', 'A/T06 doing < B/P-1, A/T99 ? chk', 'B/P-1 todo');
  const ev = (checkResults: Map<string, CheckResult>) => {
    const v = verifyDoneWhen(g.tasks.values(), checkResults);
    return { graph: g, readiness: readiness(g), verification: v, checksRan: checkResults.size > 0 };
  };

  it('shows progress, ready and blocked tasks, the critical path and a Mermaid sequencing graph', () => {
    const md = workplansSection(ev(new Map()));
    assert.match(md, /^## Workplans\n\n2 workplans: 1 of 6 tasks done · 2 ready · 2 blocked/);
    assert.match(md, /\| A \| active \| ██░░░░░░░░ 1\/5 \(1 cancelled\) \| 1 \| 2 \| 2 tasks \|/);
    assert.match(md, /- \*\*Ready:\*\* T02 Task T02 title\n/);
    assert.match(md, /- \*\*Blocked:\*\* T03 Task T03 title \(marked blocked\); T04 Task T04 title \(after T03\)/);
    assert.match(md, /- \*\*Critical path:\*\* T02 → T04 \(2 tasks\)/);
    assert.match(md, /- \*\*Done-when:\*\* no verdict, the named checks did not run \(T06\)/);
    assert.match(md, /```mermaid\nflowchart TD\n/);
    assert.match(md, /  t_T04\["T04 Task T04 title"\]/);
    assert.match(md, /  w_B_P_1\["B\/P-1 Task P-1 title"\]\n  w_A_T99\["A\/T99 · unknown"\]|  w_A_T99\["A\/T99 · unknown"\]\n  w_B_P_1\["B\/P-1 Task P-1 title"\]/);
    assert.match(md, /  t_T02 ==> t_T04\n  t_T03 --> t_T04\n/, 'equal chains: the smaller id is critical');
    assert.match(md, /  w_B_P_1 --> t_T06\n/);
    assert.match(md, /  class t_T03,t_T04 blocked;/);
    assert.match(md, /  class t_T05 cancelled;/);
    assert.match(md, /  class w_A_T99 unknown;/);
    assert.equal(workplansSection({ ...ev(new Map()), graph: g }), md, 'deterministic');
  });

  it('shows the done-when verdicts once the checks ran', () => {
    const md = workplansSection(ev(new Map([result('chk', 'pass')])));
    assert.match(md, /- \*\*Done-when:\*\* \*\*T06 verified, not ticked\*\*/);
  });

  it('labels tasks with their id and a shortened title, and escapes Mermaid syntax', () => {
    const long = graph('W/T04 todo');
    (long.tasks.get('W/T04') as GraphTask).title = 'Forge and CI on "railiance01" | now';
    const md = workplansSection({ graph: long, readiness: readiness(long), verification: verifyDoneWhen(long.tasks.values(), new Map()), checksRan: false });
    assert.match(md, /t_T04\["T04 Forge and CI on #34;railia…"\]/);
  });

  it('draws progress bars', () => {
    assert.equal(progressBar(4, 10), '████░░░░░░ 4/10');
    assert.equal(progressBar(0, 0), '░░░░░░░░░░ 0/0');
    assert.equal(progressBar(1, 100), '█░░░░░░░░░ 1/100');
    assert.equal(progressBar(99, 100), '█████████░ 99/100');
    assert.equal(progressBar(7, 7), '██████████ 7/7');
  });
});

const context = (cwd: string, format: Context['format'] = 'json'): Context => ({ cwd, env: {}, style: PLAIN, format, progress: () => () => {} });

describe('fleethub workplan and the reconcile step on the example fleet', () => {
  const root = copyExampleFleet();
  const fleets = fleetMaker();
  after(() => {
    removeDir(root);
    fleets.cleanup();
  });

  it('pins CUST-WP-0054: T01-T03 done, T05, T06 and T08 ready, T04 blocked and with it T09 and T10, critical path T04 → T09 → T10', async () => {
    const out = await workplan.run({ positionals: ['CUST-WP-0054'], values: {} }, context(root));
    const j = out.json!() as { done: number; total: number; ready: string[]; blocked: string[]; criticalPath: string[]; checksRan: boolean; tasks: Array<{ id: string; state: string; readiness: string; doneWhen: { verdict: string } }> };
    assert.deepEqual([j.done, j.total], [3, 10]);
    assert.deepEqual(Object.fromEntries(j.tasks.map((t) => [t.id, t.readiness])), { T01: 'done', T02: 'done', T03: 'done', T04: 'blocked', T05: 'ready', T06: 'ready', T07: 'doing', T08: 'ready', T09: 'blocked', T10: 'blocked' });
    assert.deepEqual(j.ready, ['CUST-WP-0054/T05', 'CUST-WP-0054/T06', 'CUST-WP-0054/T08']);
    assert.deepEqual(j.criticalPath, ['CUST-WP-0054/T04', 'CUST-WP-0054/T09', 'CUST-WP-0054/T10']);
    assert.equal(j.checksRan, true);
    assert.deepEqual(Object.fromEntries(j.tasks.map((t) => [t.id, t.doneWhen.verdict])), { T01: 'pass', T02: 'none', T03: 'none', T04: 'fail', T05: 'fail', T06: 'none', T07: 'none', T08: 'none', T09: 'fail', T10: 'fail' });
    assert.equal(out.problems, false, 'no task ticked done fails its check');
    const text = (await workplan.run({ positionals: ['CUST-WP-0054'], values: {} }, context(root, 'text'))).text();
    assert.match(text, /Ready: +T05, T06, T08\nBlocked: +T04, T09, T10\nCritical path: T04 → T09 → T10 \(3 tasks\)/);
    assert.match(text, /T10 +todo +blocked +custodian +T09, T02, /, 'the row (its wide cells wrap to fit 100 columns)');
  });

  it('lists every workplan with its progress, and the tasks whose checks already pass', async () => {
    const out = await workplan.run({ positionals: [], values: {} }, context(root));
    const j = out.json!() as { workplans: Array<{ id: string; done: number; total: number; ready: string[]; blocked: string[]; criticalPath: string[] }>; findings: Array<{ code: string; id: string }> };
    const row = (id: string) => j.workplans.find((w) => w.id === id)!;
    assert.deepEqual(j.workplans.map((w) => w.id), ['CUST-WP-0054', 'DAARION-MULTINODE', 'FABRIC-EXEC', 'NODE-ARCH-RECON', 'VNEXT-P1', 'VNEXT-P2', 'VNEXT-P3', 'VNEXT-P4']);
    assert.deepEqual(row('NODE-ARCH-RECON').blocked, ['NODE-ARCH-RECON/R04', 'NODE-ARCH-RECON/R05', 'NODE-ARCH-RECON/R06']);
    assert.deepEqual(row('NODE-ARCH-RECON').total, 6, 'R07 is cancelled');
    assert.deepEqual(row('VNEXT-P4').criticalPath, ['VNEXT-P1/P1-03', 'VNEXT-P1/P1-05', 'VNEXT-P3/P3-03', 'VNEXT-P3/P3-05', 'VNEXT-P4/P4-01', 'VNEXT-P4/P4-02']);
    assert.deepEqual(row('FABRIC-EXEC').criticalPath.map((k) => k.split('/')[1]), ['P0.2', 'P0.3', 'P0.5', 'P1.1', 'P2.2', 'P2.4', 'AC5']);
    assert.deepEqual(row('DAARION-MULTINODE').ready, ['DAARION-MULTINODE/NODE2-01']);
    assert.deepEqual(
      j.findings.map((f) => `${f.code} ${f.id}`),
      ['FABRIC-EXEC/P1.2', 'FABRIC-EXEC/P2.1', 'FABRIC-EXEC/P3.1', 'FABRIC-EXEC/P3.4', 'FABRIC-EXEC/P4.1', 'FABRIC-EXEC/P5.1', 'NODE-ARCH-RECON/R03'].map((k) => `verified-not-ticked ${k}`),
    );
    assert.equal(out.problems, false);
    await assert.rejects(workplan.run({ positionals: ['NOPE'], values: {} }, context(root)), /no workplan 'NOPE'; known: CUST-WP-0054/);
  });

  it('adds a deterministic Workplans section to the board', async () => {
    const run = async (): Promise<string> => {
      const ctx = await reconcile(fileIo(root), { probe: false, write: false, allowRemote: false }, [load, validate, checks, workplans]);
      ctx.db!.close();
      assert.equal(ctx.boardSections.map(renderBoardSection).length, 1);
      return ctx.boardSections.map(renderBoardSection)[0]!;
    };
    const md = await run();
    assert.equal(await run(), md);
    assert.match(md, /\| CUST-WP-0054 \| active \| ███░░░░░░░ 3\/10 \| 3 \| 3 \| 3 tasks \|/);
    assert.match(md, /  t_T04\["T04 Forge and CI on railian…"\]/);
    assert.match(md, /  t_T04 ==> t_T09\n  t_T05 --> t_T09\n  t_T09 ==> t_T10\n/);
    assert.match(md, /  class t_T05,t_T06,t_T08 ready;\n  class t_T04,t_T09,t_T10 blocked;/);
    assert.match(md, /  w_VNEXT_P1_P1_05\["VNEXT-P1\/P1-05 Basic AgentOps metrics"\]/);
    assert.match(md, /  w_DAARION_MULTINODE_PREP_03\["DAARION-MULTINODE\/PREP-03 Set up NATS cluster mode"\]/);
    assert.match(md, /\*\*P2\.1 verified, not ticked\*\*/);
  });

  it('reports done-not-verified at the task line and exits with problems', async () => {
    const dir = fleets.fleet({
      'registry/nodes/n1.md': '---\ntitle: N1\nrole: edge\n---\n',
      'policies/checks.yaml': 'kind: checks\nchecks:\n  - { id: no-nodes, title: No nodes, sql: "SELECT id FROM nodes", expect: { empty: true } }\n  - { id: one-node, title: One node, sql: "SELECT id FROM nodes", expect: { count: 1 } }\n',
      'workplans/WP.md': '---\ntitle: WP\nstatus: active\n---\n# Tasks\n\n- [x] T1 ticked [done-when:: no-nodes]\n- [ ] T2 not ticked [depends:: T1] [done-when:: one-node]\n',
    });
    const ctx = await reconcile(fileIo(dir), { probe: false, write: false, allowRemote: false }, [load, validate, checks, workplans]);
    ctx.db!.close();
    const mine = ctx.findings.filter((f) => findingRecord(f).startsWith('task:'));
    assert.deepEqual(
      mine.map((f) => [f.code, f.severity, findingRecord(f), f.file, f.line]),
      [
        ['done-not-verified', 'error', 'task:WP/T1', 'workplans/WP.md', 7],
        ['verified-not-ticked', 'warning', 'task:WP/T2', 'workplans/WP.md', 8],
      ],
    );
    const out = await workplan.run({ positionals: ['WP'], values: {} }, context(dir, 'text'));
    assert.equal(out.problems, true);
    assert.match(out.text(), /T1 +done +done .*DONE, NOT VERIFIED: no-nodes/);
    assert.match(out.text(), /\n {2}workplans\/WP\.md:7:7: error\[done-not-verified\]: task WP\/T1 is ticked done.*\n {4}hint: finish the work until the done-when checks pass \(fleethub check no-nodes\), or reopen the task: fleethub task reopen WP T1\n/);
  });
});
