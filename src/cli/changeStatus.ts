/**
 * What a recorded change does to the rest of status/ (fleethub task and the
 * hub's task buttons; fleethub rollout pause|abort|resume): the board's
 * Workplans section, a drain wave's task, a named check over the tasks table
 * show task states, and its Rollouts section a rollout's control, so the
 * change's commit alone would leave upstream's status/BOARD.md behind its
 * files, and the pull request job's 'fleethub reconcile --check' would fail
 * on it. The change's
 * command therefore evaluates the fleet as it will be once the events not in
 * the files yet land (asLanded: their edits written to a scratch directory
 * under .fleethub/, a copy of the cache refreshed with them, every other path
 * read from the working tree) and records the generated files that change as
 * status events right after the task event: the same writer, so the same
 * commit. Only when status/ matched the files that way before the change: a
 * status/ already out of date (never rendered, rendered against another trust
 * root, a reconcile not run) is not the change's to rewrite, and is named
 * instead. I/O.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cachePath } from '../cache/cacheFile.js';
import { copyCache } from '../cache/copyCache.js';
import { refreshCache } from '../cache/refreshCache.js';
import { runChecks } from '../checks/runChecks.js';
import { FleethubError } from '../errors.js';
import { eventsNotInFiles } from '../outbox/eventsNotInFiles.js';
import { pendingTaskStates } from '../outbox/pendingTaskStates.js';
import { reconcile } from '../reconcile/reconcile.js';
import type { ReconcileIo } from '../reconcile/reconcileContext.js';
import { recordKindOfPath } from '../records/kinds.js';
import { pendingView } from '../relay/pendingView.js';
import { ensureStateDir } from '../repo/ensureStateDir.js';
import { processAlive } from '../repo/processAlive.js';
import { fileIo } from './fileIo.js';

/** What a change did to status/: the generated files recorded with it (and their events), or why none were. */
export interface ChangeStatus {
  files: string[];
  events: string[];
  /** status/ did not match the files here before the change: these files (not this change's to rewrite). */
  outOfDate: string[] | null;
  /** Some of them exist (a fleet that never wrote status/ keeps none: nothing to say of it). */
  written: boolean;
  /** The fleet could not be evaluated here (the message): status/ left as it is. */
  unevaluable: string | null;
}

type Change = { path: string; action: string };

/** A scratch directory is `task-view-<pid>-<random>`: one whose process is gone was left by a task command killed midway, and is removed (as an abandoned cache build is, cacheFile.ts). */
const VIEW = /^task-view-(\d+)-/;

function removeAbandonedViews(state: string): void {
  for (const name of readdirSync(state)) {
    const m = VIEW.exec(name);
    if (m && !processAlive(Number(m[1]))) rmSync(join(state, name), { recursive: true, force: true });
  }
}

/**
 * The offline reconcile of the fleet as it will be once this checkout's events
 * land (with `push`, the generated files that change recorded as events). When
 * no event edits a record file, that is the working tree itself.
 */
async function asLanded(root: string, env: Readonly<Record<string, string | undefined>>, now: () => Date, push: boolean): Promise<{ changes: Change[]; recorded: string[] }> {
  const state = ensureStateDir(root);
  removeAbandonedViews(state);
  const { pending, unpulled } = await eventsNotInFiles(root);
  const files = fileIo(root, env, now);
  // The status events recorded name the pending events they were computed with: should one die, they are withdrawn (outboxEvent.ts, `assumes`).
  const assumes = pending.map((e) => e.id);
  const base: ReconcileIo = { ...files, record: (events) => files.record(events.map((e) => (e.type === 'task.set' ? e : ({ ...e, payload: { ...e.payload, assumes } } as typeof e)))) };
  const run = async (io: ReconcileIo) => {
    const ctx = await reconcile(io, { probe: false, write: false, push, allowRemote: false });
    ctx.db.close();
    return { changes: ctx.changes, recorded: ctx.recorded };
  };
  const view = pendingView(root, [...unpulled, ...pending]);
  const records = [...view.changes.keys()].filter((p) => recordKindOfPath(p) !== null);
  if (records.length === 0) return run(base);
  // The working tree's cache, fresh, copied next to the edited files and refreshed with them.
  (await base.refreshCache()).db.close();
  const dir = mkdtempSync(join(state, `task-view-${process.pid}-`));
  try {
    for (const path of records) {
      const file = join(dir, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, view.changes.get(path)!);
      // The copied cache knows an edit by its size and mtime: should both match the working tree's file, the mtime moves on.
      const [mine, theirs] = [statSync(file), statSync(join(root, path), { throwIfNoEntry: false })];
      if (theirs && mine.size === theirs.size && mine.mtimeMs === theirs.mtimeMs) utimesSync(file, mine.atime, new Date(theirs.mtimeMs + 1000));
    }
    copyCache(root, dir);
    (await refreshCache(dir, { paths: records })).db.close();
    // The reconcile's view of what is not in the files yet is this one (not read from the outbox again).
    const notInFiles = { read: (path: string) => view.read(path), tasks: pendingTaskStates(pending, unpulled) };
    return await run({ ...base, readText: notInFiles.read, notInFiles: async () => notInFiles, refreshCache: () => refreshCache(dir, { paths: [] }), runChecks: (checks) => runChecks(cachePath(dir), checks) });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** asLanded, or the message of why the fleet cannot be evaluated here (a typed failure: a pin that does not parse, ...). */
async function landedOrWhyNot(root: string, env: Readonly<Record<string, string | undefined>>, now: () => Date, push: boolean): Promise<Awaited<ReturnType<typeof asLanded>> | string> {
  try {
    return await asLanded(root, env, now, push);
  } catch (e) {
    if (e instanceof FleethubError) return e.message;
    throw e;
  }
}

/** The generated files that differ from what the fleet produces as it will be (before this change is recorded); a message when it cannot be evaluated. */
export async function statusDrift(root: string, env: Readonly<Record<string, string | undefined>>, now: () => Date): Promise<Change[] | string> {
  const landed = await landedOrWhyNot(root, env, now, false);
  return typeof landed === 'string' ? landed : landed.changes;
}

/** After the change's event is recorded: the generated files it moves recorded too, when `drift` (statusDrift before it) is empty. */
export async function statusWithChange(root: string, env: Readonly<Record<string, string | undefined>>, now: () => Date, drift: Change[] | string): Promise<ChangeStatus> {
  const none = { files: [], events: [], outOfDate: null, written: false, unevaluable: null };
  if (typeof drift === 'string') return { ...none, unevaluable: drift };
  if (drift.length > 0) return { ...none, outOfDate: drift.map((c) => c.path), written: drift.some((c) => c.action !== 'create') };
  const landed = await landedOrWhyNot(root, env, now, true);
  return typeof landed === 'string' ? { ...none, unevaluable: landed } : { ...none, files: landed.changes.map((c) => c.path), events: landed.recorded };
}

/** What the command says of it (nothing when status/ was never written). */
export function statusLines(s: ChangeStatus): string[] {
  if (s.unevaluable !== null) return [`status/ not updated: the fleet cannot be evaluated here (${s.unevaluable})`];
  if (s.outOfDate !== null) return s.written ? [`status/ not updated: it was already out of date here (${s.outOfDate.join(', ')}); 'git pull', then 'fleethub reconcile --push', brings it up to date`] : [];
  return s.files.length > 0 ? [`with ${s.files.join(', ')}, as the files now produce ${s.files.length === 1 ? 'it' : 'them'}`] : [];
}
