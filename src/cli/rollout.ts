/**
 * `fleethub rollout status|pause|resume|abort|simulate <intent>`: one
 * rollout's journal and leases, the operator's safety controls (recorded as
 * events, no signing key needed), and a dry run of the whole rollout against
 * simulated agents. See docs/rollout.md.
 */
import { UsageError } from '../errors.js';
import { findRoot } from '../repo/findRoot.js';
import { formatFindings } from '../report/formatFindings.js';
import { findingOut } from '../report/reconcileReport.js';
import { rolloutStatusJson, rolloutStatusText } from '../report/rolloutStatusReport.js';
import { simulationText } from '../report/simulationText.js';
import { simulateRollout } from '../rollout/simulateRollout.js';
import { checkAction } from './checkAction.js';
import type { Command } from './command.js';
import { commandResult } from './commandResult.js';
import { FAIL_ON_OPTION, FAIL_ON_USAGE, failOn } from './failOn.js';
import { rolloutControl } from './rolloutControl.js';
import { rolloutOf, rolloutRuns } from './rolloutRuns.js';
import { unsignedEnv } from './unsignedEnv.js';

const ACTIONS = ['status', 'pause', 'resume', 'abort', 'simulate'] as const;

export const rollout: Command = {
  name: 'rollout',
  summary: "one rollout: its journal and leases, pause / resume / abort, a simulated dry run",
  usage: `fleethub rollout status <intent> [--fail-on error|warning|none] [--format json]
fleethub rollout pause <intent> [--queue]
fleethub rollout resume <intent> [--queue]
fleethub rollout abort <intent> [--queue]
fleethub rollout simulate <intent> [--fail-rate <r>] [--seed <n>] [--format json]

status    the rollout's control, epoch, each node's state, lease and last
          report (status/rollouts/<intent>.yaml and status/agents/), the
          leases held and revoked, and the next wave
pause     no new leases; nodes in flight finish
abort     no new leases, and the leases not started yet are revoked; a node
          already applying finishes (its agent rolls back on failure)
resume    lifts a pause made with 'fleethub rollout pause'; never an abort,
          never an intent signed with control: paused or aborted
          pause, abort and resume need no signing key: each is a write of the
          rollout file, recorded in the outbox and relayed like every write,
          with the status/BOARD.md it changes (--queue: record it only;
          'fleethub relay' sends it)
simulate  the real planner tick by tick (one simulated minute each) against
          simulated agents on this fleet's files, as if the intent were
          signed: the waves, the ticks to completion, what held nodes back.
          --fail-rate <r> (0..1, default 0) fails that share of applies,
          --seed <n> (default 1) makes it repeatable. JSON: {"intent",
          "result": "complete|halted|stuck", "halted", "ticks": [{"tick",
          "grants", "states"}]}
${FAIL_ON_USAGE}
Exit codes: 0 ok; 1 findings at or above --fail-on (status), a simulation
that does not complete, or a control change that cannot land; 2 usage (an
unknown intent, a refused resume) or internal error.`,
  options: { queue: { type: 'boolean' }, 'fail-rate': { type: 'string' }, seed: { type: 'string' }, ...FAIL_ON_OPTION },
  reads: true,
  async run(args, ctx) {
    const [action, intent, ...extra] = args.positionals;
    checkAction(action, ACTIONS, `give an action: ${ACTIONS.join(', ')} (fleethub rollout status <intent>)`);
    if (intent === undefined || extra.length > 0) throw new UsageError(`give one intent: fleethub rollout ${action} <intent>`);
    const root = findRoot(ctx.cwd, ctx.root);
    if (action === 'pause' || action === 'abort' || action === 'resume') return rolloutControl(root, action, intent, ctx, args.values.queue === true);
    const fail = failOn(args);
    // status shows what the files hold: without the key, the tick it plans signs no lease that would then look held.
    const { ctx: result, findings } = await rolloutRuns(root, action === 'status' ? unsignedEnv(ctx.env) : ctx.env);
    const run = rolloutOf({ ctx: result, findings }, intent);
    const mine = findings.filter((f) => f.kind !== 'intent' || f.id === intent);
    if ('unreadable' in run) {
      // No rollout to show or simulate: its file cannot be read; the finding says where and what to do.
      const verdict = commandResult(mine, fail);
      return { text: () => [`${intent}: no rollout planned while ${run.unreadable.file} cannot be read`, '', ...formatFindings(mine, ctx.style)].join('\n'), json: () => ({ intent, findings: mine.map(findingOut), result: verdict }), problems: verdict.exit === 1 };
    }
    if (action === 'status') {
      const json = rolloutStatusJson(run);
      const verdict = commandResult(mine, fail);
      return { text: () => rolloutStatusText(json, ctx.style), json: () => ({ ...json, result: verdict }), problems: verdict.exit === 1 };
    }
    const failRate = number(args.values['fail-rate'], 'fail-rate', 0);
    const seed = number(args.values.seed, 'seed', 1);
    if (failRate < 0 || failRate > 1) throw new UsageError(`--fail-rate must be between 0 and 1, not ${failRate}`);
    if (!Number.isSafeInteger(seed)) throw new UsageError(`--seed must be a whole number, not ${seed}`);
    const { intent: i, verdict: v, policy, nodes, now } = run.input;
    const sim = simulateRollout({ intent: i, verdict: v, policy, nodes, now }, { failRate, seed });
    return {
      text: () => simulationText(sim, ctx.style),
      json: () => ({ intent: sim.intent, result: sim.result, halted: sim.halted, ticks: sim.ticks.map((t) => ({ tick: t.tick, grants: t.grants, states: t.states })) }),
      problems: sim.result !== 'complete',
    };
  },
};

function number(v: unknown, name: string, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (typeof v !== 'string' || v.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${name} must be a number, not '${String(v)}'`);
  return n;
}
