/**
 * Which file holds a workplan, from the cache: its repository-relative path,
 * or why it cannot be edited (no such workplan, or its file has a hard error
 * and so is not in the cache, or workplans/ is a symlink the walk refused to
 * follow: nothing outside the repository is ever written). Reads the database it is given; no other I/O.
 */
import type Database from 'better-sqlite3';

export type WorkplanFile =
  | { ok: true; file: string }
  | { ok: false; code: 'unknown-workplan' | 'invalid-workplan'; message: string; file?: string };

export function findWorkplanFile(db: Database.Database, id: string): WorkplanFile {
  const file = db.prepare('SELECT file FROM workplans WHERE id = ?').pluck().get(id) as string | undefined;
  if (file !== undefined) return { ok: true, file };
  const broken = db.prepare(`SELECT path FROM files WHERE kind = 'workplan' AND record_id = ? AND state = 'invalid' ORDER BY path`).pluck().get(id) as string | undefined;
  if (broken !== undefined) {
    const first = db.prepare(`SELECT line, col, code, message FROM findings WHERE file = ? AND severity = 'error' ORDER BY line, col LIMIT 1`).get(broken) as
      | { line: number; col: number; code: string; message: string }
      | undefined;
    const why = first ? `: ${broken}:${first.line}:${first.col}: ${first.message}` : '';
    return { ok: false, code: 'invalid-workplan', file: broken, message: `workplan ${id} has an error and cannot be edited until it is fixed${why} (run 'fleethub validate ${broken}')` };
  }
  // workplans/ that is a symlink (or unreadable) is never walked, so nothing behind it is in the cache and
  // nothing behind it can be written: say why rather than 'no workplan'.
  const refused = db.prepare(`SELECT message FROM findings WHERE origin = 'walk' AND file = 'workplans' LIMIT 1`).pluck().get() as string | undefined;
  if (refused !== undefined) {
    return { ok: false, code: 'unknown-workplan', file: 'workplans', message: `no workplan ${id} can be edited: workplans/ ${refused} (run 'fleethub validate')` };
  }
  const known = db.prepare('SELECT id FROM workplans ORDER BY id').pluck().all() as string[];
  const list = known.length === 0 ? 'there are no workplans' : known.length <= 12 ? `known workplans: ${known.join(', ')}` : `${known.length} workplans are known; 'fleethub query "SELECT id FROM workplans"' lists them`;
  return { ok: false, code: 'unknown-workplan', message: `no workplan ${id} (${list})` };
}
