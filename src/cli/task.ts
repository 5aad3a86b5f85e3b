/**
 * `fleethub task <start|done|block|cancel|reopen> <workplan> <task> [--note "…"]`:
 * flips a task's box in its workplan file and appends a dated progress note,
 * leaving every other byte alone (the edit itself is the pure editTask). Writes
 * the working tree atomically, and only when something changed; a later issue
 * routes the same edit through the offline outbox. The clock is passed in.
 */
import { chmodSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { refreshCache } from '../cache/refreshCache.js';
import { FleethubError, UsageError } from '../errors.js';
import { findRoot } from '../repo/findRoot.js';
import { editTask, TASK_ACTIONS, type TaskAction } from '../workplans/editTask.js';
import { findWorkplanFile } from '../workplans/findWorkplanFile.js';
import type { Command } from './command.js';

const ACTIONS = Object.keys(TASK_ACTIONS) as TaskAction[];

/** The command with its clock; `task` below uses the real one. */
export function taskCommand(now: () => Date): Command {
  return {
    name: 'task',
    summary: 'mark a workplan task started, done, blocked or cancelled, with a progress note',
    usage: `fleethub task <start|done|block|cancel|reopen> <workplan> <task> [--note "..."] [--format json]
       fleethub task <action> <workplan>/<task> [--note "..."]

Sets the task's box ([/] doing, [x] done, [!] blocked, [-] cancelled, [ ] todo)
in workplans/<workplan>.md and, with --note, appends a dated progress note
under the task ('- YYYY-MM-DD: note', today in UTC, after its existing notes and
sub-tasks). Nothing else in the file changes. The file is written only when
something changed.
  --note <text>  one line of progress (line breaks become spaces)
Exit codes: 0 ok (also when nothing needed changing), 2 unknown workplan or task,
a task id used twice, a workplan file with errors, or another usage error.`,
    options: { note: { type: 'string' } },
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
      const abs = join(root, file);
      const bytes = readFileSync(abs);
      const before = bytes.toString('utf8');
      if (!Buffer.from(before, 'utf8').equals(bytes)) throw new UsageError(`${file} is not valid UTF-8; fix it first (fleethub validate ${file})`);

      const date = now().toISOString().slice(0, 10);
      const edit = editTask(before, taskId, action, { note: noteArg, date });
      if ('error' in edit) throw new UsageError(`${workplan} (${file}): ${edit.message}`, { code: edit.error });
      if (edit.changed) {
        writeAtomically(abs, edit.text);
        (await refreshCache(root, { paths: [file] })).db.close();
      }

      const key = `${workplan}/${taskId}`;
      const result = { workplan, task: taskId, from: edit.from, to: edit.to, note: edit.note, file, line: edit.line, changed: edit.changed };
      const what = !edit.changed
        ? `${key}: already ${edit.to}, nothing changed`
        : `${key}: ${edit.from === edit.to ? edit.to : `${edit.from} → ${edit.to}`}${edit.note !== null ? ' (+ note)' : ''}`;
      return {
        text: () => `${edit.changed ? ctx.style.green(what) : what}\n${ctx.style.dim(`  ${file}:${edit.line}`)}`,
        json: () => result,
        problems: false,
      };
    },
  };
}

export const task: Command = taskCommand(() => new Date());

function parsePositionals(positionals: string[]): { action: TaskAction; workplan: string; taskId: string } {
  const [action, first, second, ...extra] = positionals;
  if (action === undefined) throw new UsageError(`give an action (${ACTIONS.join(', ')}), a workplan and a task`);
  if (!(ACTIONS as string[]).includes(action)) throw new UsageError(`unknown action '${action}': use one of ${ACTIONS.join(', ')}`);
  let workplan = first;
  let taskId = second;
  if (first !== undefined && second === undefined && first.includes('/')) [workplan, taskId] = [first.slice(0, first.indexOf('/')), first.slice(first.indexOf('/') + 1)];
  else if (second !== undefined && second.includes('/')) {
    const [wp, id] = [second.slice(0, second.indexOf('/')), second.slice(second.indexOf('/') + 1)];
    if (wp !== first) throw new UsageError(`task ${second} is not in workplan ${first}`);
    taskId = id;
  }
  if (!workplan || !taskId || extra.length > 0) throw new UsageError(`give one workplan and one task: fleethub task ${action} <workplan> <task>`);
  return { action: action as TaskAction, workplan, taskId };
}

/** Temp file next to the target, then rename: readers see the old file or the new one, never half. */
function writeAtomically(abs: string, text: string): void {
  const real = realpathSync(abs);
  const tmp = join(dirname(real), `.${basename(real)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text);
    chmodSync(tmp, statSync(real).mode & 0o7777);
    renameSync(tmp, real);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new FleethubError('write-failed', `cannot write ${abs}: ${(e as Error).message}`, { path: abs });
  }
}
