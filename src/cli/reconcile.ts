import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PathNotFoundError, RepoFileUnreadableError, UsageError } from '../errors.js';
import { parseObservationsFile } from '../observe/parseObservationsFile.js';
import type { ObservationSet } from '../observe/shard.js';
import { attemptRelay, relayOptionsFrom } from '../relay/attemptRelay.js';
import { reconcile as runReconcile } from '../reconcile/reconcile.js';
import { fileIo } from './fileIo.js';
import { findRoot } from '../repo/findRoot.js';
import { resolveUpstream } from '../relay/resolveUpstream.js';
import { uncommittedPaths } from '../repo/uncommittedPaths.js';
import { reconcileJson, reconcileText } from '../report/reconcileReport.js';
import type { Command } from './command.js';
import { commandResult } from './commandResult.js';
import { FAIL_ON_OPTION, FAIL_ON_USAGE, failOn } from './failOn.js';
import { relayOutcome } from './relayOutcome.js';

export const reconcile: Command = {
  name: 'reconcile',
  summary: 'evaluate the fleet: modes, board, runtime registry, drift',
  usage: `fleethub reconcile [--probe | --observations <file>...] [--write | --push] [--check] [--fail-on error|warning|none] [--allow-remote] [--format json]

Loads and validates the files, evaluates each node's mode, the policies, the
named checks and the workplans, and renders status/modes.json,
status/BOARD.md and status/runtime-registry.json. Lists the findings (errors
first) as path:line:col: severity[code]: message, each with a hint; the JSON
output has them all, each with file, line, column, hint and record.
  --probe         probe the fleet first (otherwise offline, on the last observations)
  --observations <file>...
                  instead of probing, merge the shards' observations files
                  ('fleethub probe --shard <i>/<n> --out <file>'); a shard no
                  file names keeps its nodes' last known state and is reported
                  (warning probe-shard-missing), never taken for "all down"
  --write         write the generated files that changed (to the working tree)
  --push          record the changes in the outbox and relay them upstream as a
                  commit (see 'fleethub relay'); they wait there while offline;
                  refused while a fleet file differs from HEAD here
  --check         exit 1 when a generated file no longer matches (drift);
                  with --fail-on none, a pure drift check
  --allow-remote  let probes contact addresses other than loopback
${FAIL_ON_USAGE}
Exit codes: 0 nothing at or above --fail-on (and, with --check, no drift),
1 findings at or above --fail-on, drift with --check, or pushed changes that
cannot land (the JSON "result" says which: findings, drift, relay), 2 usage or
internal error.`,
  options: { probe: { type: 'boolean' }, observations: { type: 'string', multiple: true }, write: { type: 'boolean' }, push: { type: 'boolean' }, check: { type: 'boolean' }, 'allow-remote': { type: 'boolean' }, ...FAIL_ON_OPTION },
  reads: true,
  async run(args, ctx) {
    const fail = failOn(args);
    const push = args.values.push === true;
    if (push && args.values.write) throw new UsageError('give --write (the working tree) or --push (upstream), not both');
    const files = [...((args.values.observations as string[] | undefined) ?? []), ...(args.values.observations ? args.positionals : [])];
    if (!args.values.observations && args.positionals.length > 0) throw new UsageError(`unexpected argument '${args.positionals[0]}' (reconcile takes options only; observations files follow --observations)`);
    if (files.length > 0 && args.values.probe) throw new UsageError('give --probe (probe now) or --observations (what the shards probed), not both');
    const observationSets = files.length > 0 ? files.map((f) => readObservations(resolve(ctx.cwd, f), f)) : undefined;
    const root = findRoot(ctx.cwd, ctx.root);
    if (push) await refuseUncommitted(root, ctx.env);
    const result = await runReconcile(fileIo(root, ctx.env), { probe: args.values.probe === true, observationSets, write: args.values.write === true, push, allowRemote: args.values['allow-remote'] === true });
    result.db?.close();
    const json = reconcileJson(result);
    const drifted = json.changes.length > 0 && args.values.write !== true && !push;
    // Drift is its own reason with --check; its generated-drift findings count only toward --fail-on warning.
    const attempt = push && result.recorded.length > 0 ? await attemptRelay(root, relayOptionsFrom(ctx.env), { now: () => new Date(), random: Math.random }) : null;
    const relayed = attempt ? relayOutcome(attempt, result.recorded, ctx.style) : null;
    const verdict = commandResult(json.findings, fail, { drift: args.values.check === true && drifted, relay: relayed?.problem === true });
    return {
      text: () => [reconcileText(json, ctx.style), ...(relayed ? ['', ...relayed.lines.map((l) => l.trimStart())] : [])].join('\n'),
      json: () => ({ ...json, ...(push ? { events: result.recorded, relay: relayed?.json ?? null } : {}), result: verdict }),
      problems: verdict.exit === 1,
    };
  },
};

/**
 * --push records status/ as this working tree's files produce it, for a commit on upstream's branch: with a fleet file not committed here, that
 * status/ would describe files upstream does not have (or, for status/ itself, be compared with what upstream does not hold). Without an upstream
 * the events are written to this working tree, which is fine as it is.
 */
async function refuseUncommitted(root: string, env: Readonly<Record<string, string | undefined>>): Promise<void> {
  const target = await resolveUpstream(root, relayOptionsFrom(env));
  if (target.kind !== 'remote') return;
  const paths = uncommittedPaths(root, ['registry', 'workplans', 'policies', 'status']);
  if (paths === null || paths.length === 0) return;
  const shown = paths.length > 5 ? `${paths.slice(0, 5).join(', ')} and ${paths.length - 5} more` : paths.join(', ');
  throw new UsageError(`reconcile --push records status/ as these files produce it, but ${shown} differ${paths.length === 1 ? 's' : ''} from HEAD here: commit and push ${paths.length === 1 ? 'it' : 'them'} first (or 'git stash', or 'git checkout -- status/' for generated files you do not want), then run it again; or write status/ here with --write`, { paths });
}

function readObservations(path: string, shown: string): ObservationSet {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new PathNotFoundError(shown);
    throw new RepoFileUnreadableError(shown, (e as Error).message);
  }
  return parseObservationsFile(text, shown);
}
