/**
 * The relay target of a repository without an upstream: the events' edits are
 * written to the working tree (the user commits them), through a redo log so
 * that a crash loses nothing and applies nothing twice. The log
 * (`.fleethub/relay.redo.json`: the event ids and every file's new text) is
 * made durable first; then the files are written (each atomically); then the
 * events are settled in the outbox; then the log is removed. A log found at
 * the start of a pass is finished first, if any of its events is still
 * pending: rewriting the same texts is harmless, while recomputing them could
 * append a note twice.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { STATE_DIR } from '../repo/ensureStateDir.js';
import type { Outbox } from '../outbox/openOutbox.js';
import { writeFileAtomically } from '../repo/writeFileAtomically.js';
import type { RelayPlan } from './planRelay.js';

interface RedoLog {
  applied: string[];
  dead: Array<{ id: string; code: string; reason: string }>;
  changes: Record<string, string>;
}

export function applyToWorkingTree(root: string, outbox: Outbox, plan: RelayPlan, at: string): string[] {
  const changes: Record<string, string> = {};
  for (const b of plan.batches) for (const [path, text] of b.changes) changes[path] = text;
  const log: RedoLog = { applied: plan.batches.flatMap((b) => b.events.map((e) => e.id)), dead: plan.dead, changes };
  writeFileAtomically(redoPath(root), JSON.stringify(log));
  return finish(root, outbox, log, at);
}

/** Finishes a pass a crash interrupted; returns the files it wrote (none when there was nothing to finish). */
export function recoverWorkingTree(root: string, outbox: Outbox, at: string): string[] {
  const path = redoPath(root);
  if (!existsSync(path)) return [];
  let log: RedoLog;
  try {
    log = JSON.parse(readFileSync(path, 'utf8')) as RedoLog;
  } catch {
    // Torn before it was renamed into place cannot happen (write, fsync, rename); a log that does not parse was never complete.
    rmSync(path, { force: true });
    return [];
  }
  const pending = new Set(outbox.list('pending').map((e) => e.id));
  if (![...log.applied, ...log.dead.map((d) => d.id)].some((id) => pending.has(id))) {
    rmSync(path, { force: true });
    return [];
  }
  return finish(root, outbox, log, at);
}

function finish(root: string, outbox: Outbox, log: RedoLog, at: string): string[] {
  const written = Object.keys(log.changes);
  for (const [file, text] of Object.entries(log.changes)) writeFileAtomically(join(root, file), text);
  outbox.settle({ applied: log.applied.map((id) => ({ id, commit: null })), dead: log.dead, at });
  rmSync(redoPath(root), { force: true });
  return written;
}

/** Whether a pass into the working tree was interrupted and is still to be finished. */
export function hasRedoLog(root: string): boolean {
  return existsSync(redoPath(root));
}

function redoPath(root: string): string {
  return join(root, STATE_DIR, 'relay.redo.json');
}
