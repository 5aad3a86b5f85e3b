/**
 * The probe observations of the cache a rebuild replaces. They are the one
 * thing in the cache the files do not give back (what the probes saw, kept
 * here between runs), so a rebuild carries them into the new cache, where
 * without them every node would show as stale until the next probe. A cache
 * that is missing has none; one that cannot be read (damaged, or built by a
 * fleethub that kept them otherwise) gives none and says why. I/O.
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';

export type ObservationRow = [node: string, at: string, ok: number, reason: string, results: string, status: string | null];

export interface PreviousObservations {
  rows: ObservationRow[];
  /** Why the previous cache's observations could not be read; null when it had none to give or gave them. */
  unreadable: string | null;
}

export function previousObservations(path: string): PreviousObservations {
  if (!existsSync(path)) return { rows: [], unreadable: null };
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const rows = db.prepare('SELECT node, at, ok, reason, results, status FROM observations ORDER BY node').raw().all() as ObservationRow[];
    return { rows, unreadable: null };
  } catch (e) {
    if (!(e instanceof Database.SqliteError)) throw e;
    return { rows: [], unreadable: e.message };
  } finally {
    db?.close();
  }
}
