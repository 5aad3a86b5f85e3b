/**
 * One side of `fleethub diff`'s range: the revision materialised in its
 * directory (only what differs from what the directory holds), the record of
 * what it holds saved, and the revision evaluated offline there with its own
 * I/O (revisionIo). Run in the command's thread for one side and in a worker
 * thread (evaluateSideWorker) for the other, so the two evaluations overlap.
 * I/O.
 */
import { statSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cachePath } from '../cache/cacheFile.js';
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

export async function evaluateSide(input: SideInput, git: GitObjects, saved: (holds: Materialised) => void | Promise<void>): Promise<RevisionEvaluation> {
  const { holds } = await materialiseRevision(git, input.commit, input.dir, input.holds);
  if (input.cacheFrom !== undefined) keepCopiedCacheTrue(input, holds);
  await saved(holds);
  const now = new Date(input.nowMs);
  return evaluateRevision(revisionIo(input.root, input.dir, input.commit, input.env, () => now), input.commit);
}
