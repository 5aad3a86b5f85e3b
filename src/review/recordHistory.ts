/**
 * One record's semantic changes over Git history, newest first: for each
 * commit that changed its file, the fields that changed (as `fleethub diff`
 * compares them), skipping commits that changed only prose. Renames are
 * followed backwards: a commit that adds the record's path and removes
 * another file of the same kind that `fleethub diff` would call the same
 * record (same id, same blob, or half its fields) is a rename, and older
 * commits are read at the old path. A commit that deletes the path ends an
 * earlier life of the record (it was deleted, then added again). Pure: the
 * log and the blobs are passed in.
 */
import { diffRecordVersions, type RecordChange } from '../diff/diffRecordVersions.js';
import { recordVersion, type RecordVersion } from '../diff/recordVersion.js';
import type { KindDir } from '../records/kinds.js';
import type { Validators } from '../records/validators.js';
import type { LogCommit } from '../repo/fleetLog.js';

export interface HistoryEntry extends Omit<RecordChange, 'kind'> {
  commit: string;
  author: { name: string; email: string };
  date: string;
}

export async function recordHistory(log: readonly LogCommit[], kind: KindDir, path: string, readBlob: (oid: string) => Promise<Uint8Array>, validators: Validators): Promise<HistoryEntry[]> {
  const versions = new Map<string, RecordVersion>();
  const version = async (file: string, oid: string | null): Promise<RecordVersion | null> => {
    if (oid === null) return null;
    const key = `${file}\u0000${oid}`;
    let v = versions.get(key);
    if (!v) versions.set(key, (v = recordVersion(file, kind.kind, oid, await readBlob(oid), validators)));
    return v;
  };
  const isRecord = (p: string): boolean => kind.extensions.some((x) => p.endsWith(x)) && !p.toLowerCase().endsWith('/readme.md');
  const out: HistoryEntry[] = [];
  let current = path;
  for (const c of log) {
    const mine = c.changes.find((x) => x.path === current);
    if (!mine) continue;
    let change: RecordChange | undefined;
    if (mine.status === 'A') {
      const gone = c.changes.filter((x) => x.status === 'D' && isRecord(x.path));
      const pairs = [{ before: null, after: await version(mine.path, mine.after) }, ...(await Promise.all(gone.map(async (g) => ({ before: await version(g.path, g.before), after: null }))))];
      change = diffRecordVersions(pairs).find((r) => r.to === current);
    } else {
      [change] = diffRecordVersions([{ before: await version(mine.path, mine.before), after: await version(mine.path, mine.after) }]);
    }
    if (!change) continue; // a change of prose only
    const { kind: _kind, ...rest } = change;
    out.push({ commit: c.commit, author: c.author, date: c.date, ...rest });
    if (change.change === 'renamed') current = change.from!;
  }
  return out;
}
