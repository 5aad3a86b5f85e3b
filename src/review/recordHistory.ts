/**
 * One record's semantic changes over Git history, newest first: for each
 * commit that changed its file, the fields that changed (as `fleethub diff`
 * compares them), skipping commits that changed only prose. Renames are
 * followed backwards: a commit that adds the record's path and removes
 * another file of the same kind that `fleethub diff` would call the same
 * record (same id, same blob, or half its fields) is a rename, and the
 * commits before it are read at the old path. A commit that deletes the path
 * ends an earlier life of the record (it was deleted, then added again).
 * The reading is passed in (`HistoryIo`): the log of one path (git log's),
 * the changes of one commit under a directory (asked only at an addition, to
 * tell a rename), blobs.
 */
import { diffRecordVersions, type RecordChange } from '../diff/diffRecordVersions.js';
import { recordVersion, type RecordVersion } from '../diff/recordVersion.js';
import type { KindDir } from '../records/kinds.js';
import type { Validators } from '../records/validators.js';
import type { LogChange, LogCommit } from '../repo/fleetLog.js';

export interface HistoryEntry extends Omit<RecordChange, 'kind'> {
  commit: string;
  author: { name: string; email: string };
  date: string;
}

export interface HistoryIo {
  /** The commits that changed `path`, newest first, from `revision`. */
  log(revision: string, path: string): LogCommit[];
  /** What one commit changed under `dir`. */
  changes(commit: string, dir: string): LogChange[];
  readBlobs(oids: readonly string[]): Promise<Map<string, Uint8Array>>;
}

export async function recordHistory(io: HistoryIo, head: string, kind: KindDir, path: string, validators: Validators): Promise<HistoryEntry[]> {
  const versions = new Map<string, RecordVersion>();
  const blobs = new Map<string, Uint8Array>();
  const fetch = async (oids: Array<string | null>): Promise<void> => {
    for (const [oid, bytes] of await io.readBlobs(oids.filter((o): o is string => o !== null && !blobs.has(o)))) blobs.set(oid, bytes);
  };
  const version = (file: string, oid: string | null): RecordVersion | null => {
    if (oid === null) return null;
    const key = `${file}\u0000${oid}`;
    let v = versions.get(key);
    if (!v) versions.set(key, (v = recordVersion(file, kind.kind, oid, blobs.get(oid)!, validators)));
    return v;
  };
  const isRecord = (p: string): boolean => kind.extensions.some((x) => p.endsWith(x)) && !p.toLowerCase().endsWith('/readme.md');
  const out: HistoryEntry[] = [];
  let current = path;
  let revision: string | undefined = head;
  while (revision !== undefined) {
    const log = io.log(revision, current);
    revision = undefined;
    await fetch(log.flatMap((c) => c.changes.flatMap((x) => (x.path === current ? [x.before, x.after] : []))));
    for (const c of log) {
      const mine = c.changes.find((x) => x.path === current);
      if (!mine) continue;
      let change: RecordChange | undefined;
      if (mine.status === 'A') {
        const gone = io.changes(c.commit, kind.dir).filter((x) => x.status === 'D' && isRecord(x.path));
        await fetch(gone.map((g) => g.before));
        change = diffRecordVersions([{ before: null, after: version(mine.path, mine.after) }, ...gone.map((g) => ({ before: version(g.path, g.before), after: null }))]).find((r) => r.to === current);
      } else if (mine.status === 'D') {
        // Deleted here, or moved: a file of the same kind added in the commit that diff calls the same record is where it went.
        const added = io.changes(c.commit, kind.dir).filter((x) => x.status === 'A' && isRecord(x.path));
        await fetch(added.map((g) => g.after));
        change = diffRecordVersions([{ before: version(mine.path, mine.before), after: null }, ...added.map((g) => ({ before: null, after: version(g.path, g.after) }))]).find((r) => r.from === current);
      } else {
        [change] = diffRecordVersions([{ before: version(mine.path, mine.before), after: version(mine.path, mine.after) }]);
      }
      if (!change) continue; // a change of prose only
      const { kind: _kind, ...rest } = change;
      out.push({ commit: c.commit, author: c.author, date: c.date, ...rest });
      if (change.change === 'renamed') {
        // Before this commit the record lived at its old path: read on from the first parent there.
        current = change.from!;
        revision = c.parents[0];
        break;
      }
    }
  }
  return out;
}
