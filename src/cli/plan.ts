/** `fleethub plan [--intent <id>]`: the leases the next reconcile tick would grant, and why every other targeted node waits. */
import { findRoot } from '../repo/findRoot.js';
import { planJson, planText } from '../report/planReport.js';
import type { Command } from './command.js';
import { commandResult } from './commandResult.js';
import { FAIL_ON_OPTION, FAIL_ON_USAGE, failOn } from './failOn.js';
import { rolloutOf, rolloutRuns } from './rolloutRuns.js';

export const plan: Command = {
  name: 'plan',
  summary: 'the rollout leases the next tick would grant, and why every other node waits',
  usage: `fleethub plan [--intent <id>] [--fail-on error|warning|none] [--format json]

For each update intent (or only --intent <id>), offline: the nodes the next
reconcile tick would lease (the next wave), the leases it would revoke, and
for every other targeted node that still needs the update why it waits (cap
reached in an area, canary not healthy long enough, paused, refused: the
reason). Planned from the agents' reports (status/agents/) and the rollout
files (status/rollouts/); see docs/rollout.md. Grants are listed even without
FLEETHUB_ORCHESTRATOR_KEY (then reconcile would not issue them, and says so).
JSON: {"rollouts": [{"intent", "state", "grants", "waiting": [{"node",
"reason"}], "halted"}], "findings", "result"}.
${FAIL_ON_USAGE}
Exit codes: 0 nothing at or above --fail-on among the intents' findings
(refusals, unreadable rollout or agent files), 1 otherwise, 2 usage (an
unknown intent) or internal error.`,
  options: { intent: { type: 'string' }, ...FAIL_ON_OPTION },
  reads: true,
  noArguments: true,
  async run(args, ctx) {
    const fail = failOn(args);
    const root = findRoot(ctx.cwd, ctx.root);
    const { ctx: result, findings } = await rolloutRuns(root, ctx.env);
    const only = typeof args.values.intent === 'string' ? args.values.intent : null;
    // An intent whose rollout file cannot be read has no plan: its finding says why.
    if (only !== null) rolloutOf({ ctx: result, findings }, only);
    const runs = only === null ? result.rollouts : result.rollouts.filter((r) => r.intent === only);
    const mine = only === null ? findings : findings.filter((f) => f.kind !== 'intent' || f.id === only);
    const json = planJson(runs, mine);
    const verdict = commandResult(mine, fail);
    return { text: () => planText(runs, json, ctx.style), json: () => ({ ...json, result: verdict }), problems: verdict.exit === 1 };
  },
};
