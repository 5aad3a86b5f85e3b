/**
 * One side of `fleethub diff`'s range: the revision materialised in its
 * directory (only what differs from what the directory holds), its cache
 * brought up to date by re-reading just the files written or removed (the
 * cache of a directory with a record matches what the record says it holds:
 * the record is saved only after the refresh), the record of what it holds
 * saved, and the revision evaluated offline there with its own I/O
 * (revisionIo), on that cache as it is. Run in the command's thread for one side and in a worker
 * thread (evaluateSideWorker) for the other, so the two evaluations overlap.
 * I/O.
 */
import { statSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cachePath } from '../cache/cacheFile.js';
import { refreshCache } from '../cache/refreshCache.js';
import { kindOfPath } from '../records/kinds.js';
import { materialiseRevision, type Materialised } from '../repo/materialiseRevision.js';
import type { GitObjects } from '../repo/openGitObjects.js';
import { evaluateRevision, type RevisionEvaluation } from '../review/evaluateRevision.js';
import { revisionIo } from './revisionIo.js';

export interface SideInput {
  root: string;
  dir: string;
  commit: string;
  holds: Materialised;
  env: Readonly<Record<string, string | undefined>>;
  /** The evaluation's clock (the same instant for both sides). */
  nowMs: number;
  /** `dir`'s files are hard links to this directory's, and its cache a copy of that one's (reviewSides, a first diff). */
  cacheFrom?: string;
}

/**
 * A copied cache knows a rewritten file by its size and mtime differing from
 * the linked original's. Should any rewritten file match both (a coarse
 * clock), the copy could answer for the old content: it is removed, and the
 * evaluation builds the cache afresh.
 */
function keepCopiedCacheTrue(input: SideInput, holds: Materialised): void {
  for (const [path, oid] of holds.files) {
    if (input.holds.files.get(path) === oid) continue;
    const mine = statSync(join(input.dir, path));
    let theirs;
    try {
      theirs = statSync(join(input.cacheFrom!, path));
    } catch {
      continue; // not in the other directory: the cache has no row for it, so a refresh reads it
    }
    if (mine.size === theirs.size && mine.mtimeMs === theirs.mtimeMs) {
      rmSync(cachePath(input.dir), { force: true });
      return;
    }
  }
}

/**
 * What a refresh must look at after `changed` were written or removed: just
 * those of them the cache holds (record files; status/ is read as files), or
 * undefined (the whole tree) when one is neither, where the walk's own
 * findings (a stray file, a directory where a file was) may change.
 */
export function pathsToRefresh(changed: readonly string[]): string[] | undefined {
  const paths: string[] = [];
  for (const p of changed) {
    if (p.startsWith('status/')) continue;
    const k = kindOfPath(p);
    if (!k || !k.extensions.some((x) => p.endsWith(x))) return undefined;
    paths.push(p);
  }
  return paths;
}

export async function evaluateSide(input: SideInput, git: GitObjects, saved: (holds: Materialised) => void | Promise<void>): Promise<RevisionEvaluation> {
  const { holds, changed } = await materialiseRevision(git, input.commit, input.dir, input.holds);
  if (input.cacheFrom !== undefined) keepCopiedCacheTrue(input, holds);
  // No cache yet (an empty directory, or one removed above): this builds it from every file.
  const paths = pathsToRefresh(changed);
  (await refreshCache(input.dir, paths ? { paths } : {})).db.close();
  await saved(holds);
  const now = new Date(input.nowMs);
  return evaluateRevision(revisionIo(input.root, input.dir, input.commit, input.env, () => now, { fresh: true }), input.commit);
}
