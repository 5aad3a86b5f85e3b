import { readFindings } from '../cache/readFindings.js';
import { readSummary } from '../cache/readSummary.js';
import { rebuildCache } from '../cache/rebuildCache.js';
import { reconcile } from '../reconcile/reconcile.js';
import { fileIo } from './fileIo.js';
import { openOutbox } from '../outbox/openOutbox.js';
import { findRoot } from '../repo/findRoot.js';
import { findingJson } from '../report/formatFinding.js';
import { renderSummary } from '../report/renderSummary.js';
import type { Command } from './command.js';

export const status: Command = {
  name: 'status',
  summary: 'the fleet: declared vs observed modes, where workloads run, findings',
  usage: `fleethub status [--rebuild] [--format json]

Prints counts per kind and mode and every finding. The JSON output is the
same bytes for the same files (no timings in it).
  --rebuild   rebuild the cache from scratch first`,
  options: { rebuild: { type: 'boolean' } },
  reads: true,
  async run(args, ctx) {
    const root = findRoot(ctx.cwd, ctx.root);
    if (args.values.rebuild) await rebuildCache(root, { onProgress: ctx.progress('rebuilding') });
    // An offline reconcile: modes from status/modes.json and the last observations, nothing written.
    const { db } = await reconcile(fileIo(root), { probe: false, write: false, allowRemote: false });
    try {
      const summary = readSummary(db!);
      const findings = readFindings(db!);
      const outbox = outboxSummary(root);
      return {
        text: () => [renderSummary(summary, findings, ctx.style), ...(outbox.text ? ['', ctx.style.yellow(outbox.text)] : [])].join('\n'),
        json: () => ({ ...summary, findings: { ...summary.findings, items: findings.map(findingJson) }, outbox: outbox.json }),
        problems: summary.findings.errors > 0,
      };
    } finally {
      db!.close();
    }
  },
};

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
