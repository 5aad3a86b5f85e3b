/**
 * `fleethub relay [--once | --watch]`: sends the outbox's pending events
 * upstream as commits (or into the working tree when there is no upstream).
 * One pass by default; --watch keeps relaying until interrupted, backing off
 * while upstream is unreachable.
 */
import { REMOTE_FORMS, UsageError, FleethubError } from '../errors.js';
import { commandResult } from './commandResult.js';
import { DEFAULT_BATCH_SIZE, type RelayReport } from '../relay/relay.js';
import { attemptRelay, relayOptionsFrom } from '../relay/attemptRelay.js';
import { branchNameProblem } from '../relay/branchNameProblem.js';
import { parseRemote } from '../relay/parseRemote.js';
import { redactUrl } from '../relay/redactUrl.js';
import { sleep } from '../relay/sleep.js';
import { watchRelay } from '../relay/watchRelay.js';
import { findRoot } from '../repo/findRoot.js';
import type { Style } from '../report/style.js';
import type { Command } from './command.js';

export function relayCommand(now: () => Date = () => new Date(), random: () => number = Math.random): Command {
  return {
    name: 'relay',
    summary: 'send the outbox (task changes, status) upstream as Git commits',
    usage: `fleethub relay [--once | --watch] [--upstream <url>] [--branch <name>] [--batch-size <n>] [--interval <seconds>] [--format json]

Relays the events waiting in the outbox (.fleethub/outbox.sqlite): fetches
upstream into fleethub's own clone (.fleethub/relay/, never your working tree),
applies the events to upstream's head as semantic edits, commits them (the
writer as author, the event ids in 'Fleethub-Event:' trailers, each recorded
in status/journal/<writer>.jsonl) and pushes. When upstream moved meanwhile,
the events are re-applied to its new head. An event that can no longer apply
(its task was removed upstream) becomes a dead letter: 'fleethub outbox'.

Upstream is --upstream, else 'git config fleethub.upstream', else the origin
remote: http(s):// (isomorphic-git), or ssh://, git@host:path, git://,
file:// and local paths (the system's git). The branch is --branch, else 'git config fleethub.branch',
else upstream's default. FLEETHUB_TOKEN (and FLEETHUB_TOKEN_USER, default
'fleethub') is sent as HTTP basic auth, else a user:password in the URL;
neither is printed or written to any file. A repository with
no upstream gets the events written to its working tree.
  --once              one pass (the default)
  --watch             keep relaying until interrupted; back off while unreachable
  --batch-size <n>    most events per commit (default 5000)
  --interval <s>      with --watch: how often to look for new events (default 5)
Exit codes: 0 everything relayed, 1 upstream unreachable, credentials refused,
push rejected, or dead letters made by this pass, 2 usage or internal error.`,
    options: {
      once: { type: 'boolean' },
      watch: { type: 'boolean' },
      upstream: { type: 'string' },
      branch: { type: 'string' },
      'batch-size': { type: 'string' },
      interval: { type: 'string' },
    },
    reads: true,
    noArguments: true,
    async run(args, ctx) {
      if (args.values.once && args.values.watch) throw new UsageError('give --once or --watch, not both');
      const branchProblem = typeof args.values.branch === 'string' ? branchNameProblem(args.values.branch) : null;
      if (branchProblem !== null) throw new UsageError(`--branch '${String(args.values.branch)}' cannot be used: ${branchProblem}`);
      const root = findRoot(ctx.cwd, ctx.root);
      // Checked now, not once there is something to relay: a mistyped --upstream is a usage error whether or not events wait.
      const upstream = args.values.upstream;
      if (upstream === '') throw new UsageError('--upstream needs an address (leave it out to use git config fleethub.upstream or the origin remote)');
      if (typeof upstream === 'string' && parseRemote(upstream, root) === null) throw new UsageError(`--upstream ${redactUrl(upstream)} is not an address the relay can push to: give ${REMOTE_FORMS}`);
      const options = relayOptionsFrom(ctx.env, {
        ...(typeof args.values.upstream === 'string' ? { upstream: args.values.upstream } : {}),
        ...(typeof args.values.branch === 'string' ? { branch: args.values.branch } : {}),
        batchSize: positiveInt(args.values['batch-size'], '--batch-size', DEFAULT_BATCH_SIZE),
      });
      const io = { now, random, sleep };
      if (!args.values.watch) {
        const attempt = await attemptRelay(root, options, io);
        if (!attempt.ok) {
          const e = attempt.error;
          return { text: () => `${ctx.style.red(`not relayed: ${e.message}`)}\n${ctx.style.dim('  the events stay in the outbox (fleethub outbox list)')}`, json: () => ({ ok: false, error: { code: e.code, message: e.message }, result: commandResult([], 'error', { relay: true }) }), problems: true };
        }
        const report = attempt.report;
        return { text: () => reportText(report, ctx.style), json: () => ({ ok: report.dead.length === 0, ...report, result: commandResult([], 'error', { relay: report.dead.length > 0 }) }), problems: report.dead.length > 0 };
      }
      const intervalMs = positiveInt(args.values.interval, '--interval', 5) * 1000;
      const passes: RelayReport[] = [];
      const signal = ctx.signal ?? new AbortController().signal;
      try {
        await watchRelay(root, { ...options, intervalMs }, io, signal, (outcome) => {
          if (outcome instanceof Error) ctx.log?.(`${now().toISOString()} ${ctx.style.yellow('waiting')}: ${outcome.message}`);
          else if (outcome.pending > 0) {
            passes.push(outcome);
            ctx.log?.(`${now().toISOString()} ${reportText(outcome, ctx.style).split('\n')[0]}`);
          }
        });
      } catch (e) {
        if (!(e instanceof FleethubError) || e instanceof UsageError) throw e;
        return { text: () => ctx.style.red(`relay stopped: ${e.message}`), json: () => ({ ok: false, passes, error: { code: e.code, message: e.message }, result: commandResult([], 'error', { relay: true }) }), problems: true };
      }
      const applied = passes.reduce((n, p) => n + p.applied, 0);
      return { text: () => `relay stopped: ${applied} event(s) relayed in ${passes.length} pass(es)`, json: () => ({ ok: true, passes }), problems: false };
    },
  };
}

export const relay: Command = relayCommand();

function reportText(r: RelayReport, style: Style): string {
  const warned = r.warnings.map((w) => `${style.yellow('warning')}: ${w}\n`).join('');
  return warned + passText(r, style);
}

function passText(r: RelayReport, style: Style): string {
  if (r.pending === 0) return r.written.length > 0 ? `finished an interrupted pass: wrote ${r.written.join(', ')}` : 'nothing to relay: the outbox has no pending events';
  const where = r.target === 'upstream' ? `${r.url} ${r.branch}` : 'the working tree';
  const lines = [
    style.green(`relayed ${r.applied} event(s) to ${where}`) +
      (r.target === 'upstream' ? ` in ${r.commits.length} commit(s)${r.pushes > 1 ? ` (upstream moved: ${r.pushes} pushes)` : ''}` : '') +
      (r.landed > 0 ? `; ${r.landed} had already landed` : ''),
  ];
  if (r.commits.length > 0) lines.push(style.dim(`  ${r.commits.map((c) => c.slice(0, 10)).join(' ')}`));
  if (r.written.length > 0) lines.push(style.dim(`  wrote ${r.written.join(', ')}`));
  if (r.dead.length > 0) {
    lines.push(style.red(`${r.dead.length} dead letter(s): they can no longer apply ('fleethub outbox list --dead'; retry or drop them)`));
    for (const d of r.dead.slice(0, 20)) lines.push(`  ${d.id} ${d.code}: ${d.reason}`);
    if (r.dead.length > 20) lines.push(`  … and ${r.dead.length - 20} more`);
  }
  return lines.join('\n');
}

function positiveInt(v: unknown, name: string, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (typeof v !== 'string' || !/^\d+$/.test(v) || n < 1) throw new UsageError(`${name} must be a positive whole number, not '${String(v)}'`);
  return n;
}
