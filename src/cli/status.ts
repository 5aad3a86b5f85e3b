import { readFindings } from '../cache/readFindings.js';
import { readSummary } from '../cache/readSummary.js';
import { rebuildCache } from '../cache/rebuildCache.js';
import { reconcile } from '../reconcile/reconcile.js';
import { fileIo } from '../reconcile/fileIo.js';
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
      return {
        text: () => renderSummary(summary, findings, ctx.style),
        json: () => ({ ...summary, findings: { ...summary.findings, items: findings.map(findingJson) } }),
        problems: summary.findings.errors > 0,
      };
    } finally {
      db!.close();
    }
  },
};
