import { readSummary } from '../cache/readSummary.js';
import { rebuildCache } from '../cache/rebuildCache.js';
import { reconcile } from '../reconcile/reconcile.js';
import { fileIo } from './fileIo.js';
import { openOutbox } from '../outbox/openOutbox.js';
import { findRoot } from '../repo/findRoot.js';
import { wrapText } from '../report/wrapText.js';
import { formatAge } from '../report/formatAge.js';
import { reconcileJson } from '../report/reconcileReport.js';
import { renderSummary } from '../report/renderSummary.js';
import type { Command } from './command.js';
import { commandResult } from './commandResult.js';
import { FAIL_ON_OPTION, FAIL_ON_USAGE, failOn } from './failOn.js';

export const status: Command = {
  name: 'status',
  summary: 'the fleet: declared vs observed modes, where workloads run, findings',
  usage: `fleethub status [--rebuild] [--fail-on error|warning|none] [--format json]

Prints counts per kind and mode, then the findings of the same offline
evaluation 'fleethub reconcile' runs (validation, policies, checks,
workplans, drift of the generated files): counted by severity and code, and
listed (the first 50 in text; the JSON output has them all), and the nodes
whose last observation is older than stale_after (policies/modes.yaml,
default refresh_interval, else one hour), with its age. The JSON output is the same bytes
for the same files and observations (no timings in it but those ages); its
"result" says whether the command failed and why.
  --rebuild   rebuild the cache from scratch first
${FAIL_ON_USAGE}
Exit codes: 0 no findings at or above --fail-on, 1 findings at or above it,
2 usage or internal error.`,
  options: { rebuild: { type: 'boolean' }, ...FAIL_ON_OPTION },
  reads: true,
  noArguments: true,
  async run(args, ctx) {
    const fail = failOn(args);
    const root = findRoot(ctx.cwd, ctx.root);
    if (args.values.rebuild) await rebuildCache(root, { onProgress: ctx.progress('rebuilding') });
    // An offline reconcile: modes from status/modes.json and the last observations, nothing written.
    const run = await reconcile(fileIo(root, ctx.env), { probe: false, write: false, allowRemote: false });
    try {
      const summary = readSummary(run.db!);
      const { findings, nodes, intents } = reconcileJson(run);
      const refused = intents.filter((i) => !i.trusted).length;
      const intentsText = intents.length > 0 ? `Intents: ${intents.length - refused} trusted, ${refused} refused ('fleethub intent verify' says why)` : null;
      const staleAfterS = Math.floor(run.policy.staleAfterMs / 1000);
      const stale = { afterSeconds: staleAfterS, nodes: nodes.flatMap((n) => (n.stale ? [{ node: n.id, ...n.stale }] : [])) };
      const staleText = stale.nodes.length > 0 ? wrapText(`Stale observations (older than ${formatAge(staleAfterS)}; 'fleethub reconcile --probe' refreshes them): ${staleGroups(stale.nodes)}`, ctx.style.columns).map((l) => ctx.style.yellow(l)).join('\n') : null;
      const result = commandResult(findings, fail);
      const byCode: Record<string, number> = {};
      for (const f of [...findings].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))) byCode[f.code] = (byCode[f.code] ?? 0) + 1;
      const errors = findings.filter((f) => f.severity === 'error').length;
      const counts = { errors, warnings: findings.length - errors, byCode };
      const outbox = outboxSummary(root);
      return {
        text: () => [renderSummary(summary, findings, ctx.style), ...(staleText ? ['', staleText] : []), ...(intentsText ? ['', intentsText] : []), ...(outbox.text ? ['', ctx.style.yellow(outbox.text)] : [])].join('\n'),
        json: () => ({ ...summary, findings: { ...counts, items: findings }, stale, intents, outbox: outbox.json, result }),
        problems: result.exit === 1,
      };
    } finally {
      run.db!.close();
    }
  },
};

/** A summary names the stalest nodes, not all of them (the JSON has every one). */
const MAX_STALE_SHOWN = 20;

/** The outbox in a line: events not relayed yet (and why), dead letters. Nothing when it is empty. */
function outboxSummary(root: string): { text: string | null; json: { pending: number; dead: number; lastError: string | null } } {
  const outbox = openOutbox(root, { create: false });
  if (!outbox) return { text: null, json: { pending: 0, dead: 0, lastError: null } };
  try {
    const { pending, dead } = outbox.counts();
    const { lastError } = outbox.relayState();
    const parts = [
      ...(pending > 0 ? [`${pending} pending event(s), not upstream yet${lastError ? ` (last relay attempt: ${lastError})` : ''}; 'fleethub outbox list' shows them`] : []),
      ...(dead > 0 ? [`${dead} dead letter(s): 'fleethub outbox list --dead'`] : []),
    ];
    return { text: parts.length > 0 ? `Outbox: ${parts.join('; ')}` : null, json: { pending, dead, lastError: pending > 0 ? lastError : null } };
  } finally {
    outbox.close();
  }
}

/** "a, b observed 5d 7h ago; c observed 2h ago": the nodes of one age together, the oldest first. */
function staleGroups(nodes: ReadonlyArray<{ node: string; age_s: number }>): string {
  const groups = new Map<string, string[]>();
  const sorted = [...nodes].sort((a, b) => b.age_s - a.age_s);
  for (const n of sorted.slice(0, MAX_STALE_SHOWN)) {
    const age = formatAge(n.age_s);
    groups.set(age, [...(groups.get(age) ?? []), n.node]);
  }
  const more = sorted.length - MAX_STALE_SHOWN;
  return `${[...groups].map(([age, ids]) => `${ids.join(', ')} observed ${age} ago`).join('; ')}${more > 0 ? `; and ${more.toLocaleString('en-US')} more (fleethub status --format json lists them all)` : ''}`;
}
