/**
 * `fleethub task <start|done|block|cancel|reopen> <workplan> <task> [--note "…"]`:
 * flips a task's box in its workplan file and appends a dated progress note,
 * leaving every other byte alone (the edit itself is the pure editTask).
 *
 * The edit is an event first: it is recorded in the durable outbox, then
 * relayed — upstream as a commit when the repository has one (the user's
 * working tree is not touched; `git pull` brings it), or written to the
 * working tree when it has none. When upstream is unreachable the event waits
 * in the outbox and the command still succeeds; `fleethub relay` (or the next
 * write) sends it. The clock is passed in.
 */
import { readFileSync } from 'node:fs';
import { commandResult } from './commandResult.js';
import { join } from 'node:path';
import { refreshCache } from '../cache/refreshCache.js';
import { UsageError } from '../errors.js';
import { eventsNotInFiles } from '../outbox/eventsNotInFiles.js';
import { recordEvents } from '../outbox/recordEvents.js';
import { attemptRelay, relayOptionsFrom } from '../relay/attemptRelay.js';
import { pendingView } from '../relay/pendingView.js';
import { findRoot } from '../repo/findRoot.js';
import { editTask, TASK_ACTIONS, type TaskAction } from '../records/editTask.js';
import { findWorkplanFile } from '../workplans/findWorkplanFile.js';
import { checkAction } from './checkAction.js';
import type { Command } from './command.js';
import { relayOutcome } from './relayOutcome.js';
import { statusDrift, statusLines, statusWithChange } from './changeStatus.js';

const ACTIONS = Object.keys(TASK_ACTIONS) as TaskAction[];

/** The command with its clock; `task` below uses the real one. */
export function taskCommand(now: () => Date, random: () => number = Math.random): Command {
  return {
    name: 'task',
    summary: 'mark a workplan task started, done, blocked or cancelled, with a progress note',
    usage: `fleethub task <start|done|block|cancel|reopen> <workplan> <task> [--note "..."] [--queue] [--format json]
       fleethub task <action> <workplan>/<task> [--note "..."]

Sets the task's box ([/] doing, [x] done, [!] blocked, [-] cancelled, [ ] todo)
in workplans/<workplan>.md and, with --note, appends a dated progress note
under the task ('- YYYY-MM-DD: note', today in UTC, after its existing notes and
sub-tasks). Nothing else in the file changes.

The change is recorded in the outbox (.fleethub/outbox.sqlite) first, then
relayed: committed and pushed to upstream (--upstream of 'fleethub relay',
git config fleethub.upstream, or the origin remote) without touching your
working tree, or, when the repository has no upstream, written to the working
tree. While upstream is unreachable the change waits in the outbox, shown as
pending by 'fleethub workplan', and goes with the next 'fleethub relay'.
Set FLEETHUB_TOKEN for an upstream that needs credentials.
  --note <text>  one line of progress (line breaks become spaces)
  --queue        record the change in the outbox only; relay it later
Exit codes: 0 ok (also when nothing needed changing, and when the change waits
for upstream), 1 the change cannot land (dead letter, credentials refused),
2 unknown workplan or task, a task id used twice, a workplan file with errors,
or another usage error.`,
    options: { note: { type: 'string' }, queue: { type: 'boolean' } },
    reads: true,
    async run(args, ctx) {
      const { action, workplan, taskId } = parsePositionals(args.positionals);
      const noteArg = args.values.note;
      if (noteArg !== undefined && (typeof noteArg !== 'string' || noteArg.trim() === '')) throw new UsageError('--note needs some text');
      const root = findRoot(ctx.cwd, ctx.root);

      const { db } = await refreshCache(root, { onProgress: ctx.progress('refreshing') });
      let found: ReturnType<typeof findWorkplanFile>;
      try {
        found = findWorkplanFile(db, workplan);
      } finally {
        db.close();
      }
      if (!found.ok) throw new UsageError(found.message, { code: found.code });
      const file = found.file;
      const bytes = readFileSync(join(root, file));
      if (!Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes)) throw new UsageError(`${file} is not valid UTF-8; fix it first (fleethub validate ${file})`);

      // The file as it will be once the events not in it yet land (relayed but not pulled, then still pending).
      const { pending, unpulled } = await eventsNotInFiles(root);
      const mine = [...unpulled, ...pending].filter((e) => e.type === 'task.set' && e.payload.workplan === workplan);
      const before = pendingView(root, mine).read(file)!;
      const date = now().toISOString().slice(0, 10);
      const edit = editTask(before, taskId, action, { note: noteArg, date });
      if ('error' in edit) throw new UsageError(`${workplan} (${file}): ${edit.message}`, { code: edit.error });

      const key = `${workplan}/${taskId}`;
      const change = { workplan, task: taskId, from: edit.from, to: edit.to, note: edit.note, file, line: edit.line, changed: edit.changed };
      if (!edit.changed) {
        const what = `${key}: already ${edit.to}, nothing changed`;
        return { text: () => `${what}\n${ctx.style.dim(`  ${file}:${edit.line}`)}`, json: () => ({ ...change, event: null, relay: null, result: commandResult([], 'error') }), problems: false };
      }

      const drift = await statusDrift(root, ctx.env, now);
      const [event] = await recordEvents(root, [{ type: 'task.set', payload: { workplan, task: taskId, action, ...(edit.note !== null ? { note: edit.note } : {}), date, file } }], { env: ctx.env, now });
      // Even a bug after this point comes after the change was recorded: say so, so nobody records it twice.
      const recorded = (e: unknown): never => {
        if (e instanceof Error) e.message += ` (the change is recorded: event ${event!.id} is safe in the outbox; do not run this again, see 'fleethub outbox list')`;
        throw e;
      };
      const status = await statusWithChange(root, ctx.env, now, drift).catch(recorded);
      const attempt = args.values.queue === true ? null : await attemptRelay(root, relayOptionsFrom(ctx.env), { now, random }).catch(recorded);
      if (attempt?.ok && attempt.report.target === 'working-tree' && attempt.report.written.length > 0) (await refreshCache(root, { paths: attempt.report.written })).db.close();
      const outcome = relayOutcome(attempt, [event!.id, ...status.events], ctx.style);
      const what = `${key}: ${edit.from === edit.to ? edit.to : `${edit.from} → ${edit.to}`}${edit.note !== null ? ' (+ note)' : ''}`;
      return {
        text: () => [`${outcome.problem ? what : ctx.style.green(what)}`, ctx.style.dim(`  ${file}:${edit.line}`), ...statusLines(status).map((l) => ctx.style.dim(`  ${l}`)), ...outcome.lines].join('\n'),
        json: () => ({ ...change, event: event!.id, status: { files: status.files, outOfDate: status.outOfDate, unevaluable: status.unevaluable }, relay: outcome.json, result: commandResult([], 'error', { relay: outcome.problem }) }),
        problems: outcome.problem,
      };
    },
  };
}

export const task: Command = taskCommand(() => new Date());

function parsePositionals(positionals: string[]): { action: TaskAction; workplan: string; taskId: string } {
  const [given, first, second, ...extra] = positionals;
  const action = checkAction(given, ACTIONS, `give an action (${ACTIONS.join(', ')}), a workplan and a task`);
  let workplan = first;
  let taskId = second;
  if (first !== undefined && second === undefined && first.includes('/')) [workplan, taskId] = [first.slice(0, first.indexOf('/')), first.slice(first.indexOf('/') + 1)];
  else if (second !== undefined && second.includes('/')) {
    const [wp, id] = [second.slice(0, second.indexOf('/')), second.slice(second.indexOf('/') + 1)];
    if (wp !== first) throw new UsageError(`task ${second} is not in workplan ${first}`);
    taskId = id;
  }
  if (!workplan || !taskId || extra.length > 0) throw new UsageError(`give one workplan and one task: fleethub task ${action} <workplan> <task>`);
  return { action, workplan, taskId };
}
