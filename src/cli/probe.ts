import { UsageError } from '../errors.js';
import { reconcile as runReconcile, STEPS, type Step } from '../reconcile/reconcile.js';
import { fileIo } from './fileIo.js';
import { load } from '../reconcile/steps/load.js';
import { findRoot } from '../repo/findRoot.js';
import { renderTable } from '../report/renderTable.js';
import type { Command } from './command.js';
import { commandResult } from './commandResult.js';
import { FAIL_ON_OPTION, FAIL_ON_USAGE, failOn } from './failOn.js';

export const probe: Command = {
  name: 'probe',
  summary: 'probe nodes now and show what each probe saw',
  usage: `fleethub probe [ids...] [--fail-on error|warning|none] [--allow-remote] [--format json]

Probes the given nodes (default: every enabled, provisioned node) and records
the observations in the cache. Does not write status/ (reconcile --probe
--write does). A node that failed a probe counts as an error.
${FAIL_ON_USAGE}
Exit codes: 0 every probed node passed (or --fail-on none), 1 a probed node
failed a probe, 2 usage (an unknown node id) or internal error.`,
  options: { 'allow-remote': { type: 'boolean' }, ...FAIL_ON_OPTION },
  reads: true,
  async run(args, ctx) {
    const fail = failOn(args);
    const root = findRoot(ctx.cwd, ctx.root);
    const only = args.positionals.length > 0 ? [...new Set(args.positionals)] : undefined;
    // An unknown id is a usage error, found before anything is probed.
    const known: Step = async (c) => {
      const unknown = (only ?? []).filter((id) => !c.nodes.some((n) => n.id === id));
      if (unknown.length > 0) {
        const ids = c.nodes.map((n) => n.id);
        throw new UsageError(`unknown node id${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')} (${ids.length > 0 ? `known: ${ids.join(', ')}` : 'no nodes are declared'})`, { unknown });
      }
    };
    const result = await runReconcile(fileIo(root, ctx.env), { probe: true, write: false, only, allowRemote: args.values['allow-remote'] === true }, [load, known, ...STEPS.filter((s) => s !== load)]);
    result.db?.close();
    const observations = [...result.observations.values()].sort((a, b) => (a.node < b.node ? -1 : 1));
    const failed = observations.filter((o) => !o.ok).map(() => ({ severity: 'error' as const }));
    const verdict = commandResult(failed, fail);
    const rows = observations.flatMap((o) => o.results.map((r) => ({ node: o.node, probe: r.type, target: r.target, result: r.ok ? ctx.style.green('ok') : ctx.style.red(r.error ?? 'failed'), ms: Math.round(r.ms) })));
    return {
      text: () => renderTable(['node', 'probe', 'target', 'result', 'ms'], rows),
      json: () => ({ observations, result: verdict }),
      problems: verdict.exit === 1,
    };
  },
};
