import { reconcile as runReconcile } from '../reconcile/reconcile.js';
import { fileIo } from './fileIo.js';
import { findRoot } from '../repo/findRoot.js';
import { renderTable } from '../report/renderTable.js';
import type { Command } from './command.js';

export const probe: Command = {
  name: 'probe',
  summary: 'probe nodes now and show what each probe saw',
  usage: `fleethub probe [ids...] [--allow-remote] [--format json]

Probes the given nodes (default: every enabled, provisioned node) and records
the observations in the cache. Does not write status/ (reconcile --probe
--write does). Exit code 1 when a probed node failed a probe.`,
  options: { 'allow-remote': { type: 'boolean' } },
  reads: true,
  async run(args, ctx) {
    const root = findRoot(ctx.cwd, ctx.root);
    const only = args.positionals.length > 0 ? args.positionals : undefined;
    const result = await runReconcile(fileIo(root), { probe: true, write: false, only, allowRemote: args.values['allow-remote'] === true });
    result.db?.close();
    const observations = [...result.observations.values()].sort((a, b) => (a.node < b.node ? -1 : 1));
    const unknown = (only ?? []).filter((id) => !result.nodes.some((n) => n.id === id));
    const rows = observations.flatMap((o) => o.results.map((r) => ({ node: o.node, probe: r.type, target: r.target, result: r.ok ? ctx.style.green('ok') : ctx.style.red(r.error ?? 'failed'), ms: Math.round(r.ms) })));
    return {
      text: () => [renderTable(['node', 'probe', 'target', 'result', 'ms'], rows), ...unknown.map((id) => `unknown node: ${id}`)].join('\n'),
      json: () => ({ observations, unknown }),
      problems: observations.some((o) => !o.ok) || unknown.length > 0,
    };
  },
};
