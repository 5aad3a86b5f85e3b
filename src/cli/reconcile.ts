import { reconcile as runReconcile } from '../reconcile/reconcile.js';
import { fileIo } from '../reconcile/fileIo.js';
import { findRoot } from '../repo/findRoot.js';
import { reconcileJson, reconcileText } from '../report/reconcileReport.js';
import type { Command } from './command.js';

export const reconcile: Command = {
  name: 'reconcile',
  summary: 'evaluate the fleet: modes, board, runtime registry, drift',
  usage: `fleethub reconcile [--probe] [--write] [--check] [--allow-remote] [--format json]

Loads and validates the files, evaluates each node's mode, the policies, the
named checks and the workplans, and renders status/modes.json,
status/BOARD.md and status/runtime-registry.json. Lists the findings (errors
first) as path:line:col: severity[code]: message, each with a hint; the JSON
output has them all, each with file, line, column, hint and record.
  --probe         probe the fleet first (otherwise offline, on the last observations)
  --write         write the generated files that changed
  --check         exit 1 when a generated file no longer matches (drift)
  --allow-remote  let probes contact addresses other than loopback
Exit codes: 0 ok, 1 error findings (validation, policies, checks, workplans; or
drift with --check), 2 usage or internal error.`,
  options: { probe: { type: 'boolean' }, write: { type: 'boolean' }, check: { type: 'boolean' }, 'allow-remote': { type: 'boolean' } },
  reads: true,
  async run(args, ctx) {
    const root = findRoot(ctx.cwd, ctx.root);
    const result = await runReconcile(fileIo(root), { probe: args.values.probe === true, write: args.values.write === true, allowRemote: args.values['allow-remote'] === true });
    result.db?.close();
    const json = reconcileJson(result);
    const errors = json.findings.some((f) => f.severity === 'error');
    const drifted = json.changes.length > 0 && args.values.write !== true;
    return { text: () => reconcileText(json, ctx.style), json: () => json, problems: errors || (args.values.check === true && drifted) };
  },
};
