import { resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { reconcile as runReconcile, type Step } from '../reconcile/reconcile.js';
import { fileIo } from './fileIo.js';
import { load } from '../reconcile/steps/load.js';
import { observe } from '../reconcile/steps/observe.js';
import { findRoot } from '../repo/findRoot.js';
import { writeFileAtomically } from '../repo/writeFileAtomically.js';
import { parseShard } from '../observe/parseShard.js';
import { shardOf } from '../observe/shardOf.js';
import { OBSERVATIONS_VERSION } from '../observe/shard.js';
import { renderTable } from '../report/renderTable.js';
import type { Command } from './command.js';
import { commandResult } from './commandResult.js';
import { FAIL_ON_OPTION, FAIL_ON_USAGE, failOn } from './failOn.js';

export const probe: Command = {
  name: 'probe',
  summary: 'probe nodes now and show what each probe saw',
  usage: `fleethub probe [ids... | --shard <i>/<n>] [--out <file>] [--fail-on error|warning|none] [--allow-remote] [--format json]

Probes the given nodes (default: every enabled, provisioned node) and records
the observations in the cache. Evaluates nothing else and does not write
status/: the modes and the findings come from reconcile (reconcile --probe
--write probes and records them). A node that failed a probe counts as an
error.
  --shard <i>/<n>  probe only shard i of n: the nodes whose id hashes to it
                   (SHA-256 of the id, first 4 bytes mod n, plus 1); every node
                   is in exactly one shard, the same on every run
  --out <file>     also write the observations to <file> (versioned JSON with
                   the shard and its nodes), for 'fleethub reconcile
                   --observations <file>...' to merge (docs/forgejo.md)
${FAIL_ON_USAGE}
Exit codes: 0 every probed node passed (or --fail-on none), 1 a probed node
failed a probe, 2 usage (an unknown node id, a bad --shard) or internal error.`,
  options: { 'allow-remote': { type: 'boolean' }, shard: { type: 'string' }, out: { type: 'string' }, ...FAIL_ON_OPTION },
  reads: true,
  async run(args, ctx) {
    const fail = failOn(args);
    const shard = typeof args.values.shard === 'string' ? parseShard(args.values.shard) : undefined;
    const out = typeof args.values.out === 'string' ? resolve(ctx.cwd, args.values.out) : undefined;
    const root = findRoot(ctx.cwd, ctx.root);
    const only = args.positionals.length > 0 ? [...new Set(args.positionals)] : undefined;
    if (shard && only) throw new UsageError('give node ids or --shard, not both');
    if (out && only) throw new UsageError('--out writes a whole shard: give --shard <i>/<n> (or nothing: shard 1/1), not node ids');
    // An unknown id is a usage error, found before anything is probed.
    const known: Step = async (c) => {
      const unknown = (only ?? []).filter((id) => !c.nodes.some((n) => n.id === id));
      if (unknown.length > 0) {
        const ids = c.nodes.map((n) => n.id);
        throw new UsageError(`unknown node id${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')} (${ids.length > 0 ? `known: ${ids.join(', ')}` : 'no nodes are declared'})`, { unknown });
      }
    };
    // Only the steps a probe needs: what it shows and writes is the observations, so the evaluation (modes,
    // policies, checks, workplans...) is left to reconcile, which a sharded job's fan-in runs once for all shards.
    const result = await runReconcile(fileIo(root, ctx.env), { probe: true, write: false, only, shard, allowRemote: args.values['allow-remote'] === true }, [load, known, observe]);
    result.db?.close();
    const observations = [...result.observations.values()].sort((a, b) => (a.node < b.node ? -1 : 1));
    if (out) {
      const s = shard ?? { index: 1, count: 1 };
      const nodes = result.nodes.filter((n) => n.enabled && !n.planned && shardOf(n.id, s.count) === s.index).map((n) => n.id).sort();
      writeFileAtomically(out, `${JSON.stringify({ fleethub: 'observations', version: OBSERVATIONS_VERSION, shard: s, nodes, observations }, null, 2)}\n`);
    }
    const failed = observations.filter((o) => !o.ok).map(() => ({ severity: 'error' as const }));
    const verdict = commandResult(failed, fail);
    const rows = observations.flatMap((o) => o.results.map((r) => ({ node: o.node, probe: r.type, target: r.target, result: r.ok ? ctx.style.green('ok') : ctx.style.red(r.error ?? 'failed'), ms: Math.round(r.ms) })));
    return {
      text: () => [renderTable(['node', 'probe', 'target', 'result', 'ms'], rows, { maxWidth: ctx.style.columns }), ...(out ? [`observations of ${observations.length} node${observations.length === 1 ? '' : 's'}${shard ? ` (shard ${shard.index}/${shard.count})` : ''} written to ${out}`] : [])].join('\n'),
      json: () => ({ observations, ...(shard ? { shard } : {}), ...(out ? { out } : {}), result: verdict }),
      problems: verdict.exit === 1,
    };
  },
};
