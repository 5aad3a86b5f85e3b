/**
 * Writes the fleet's files as a commit has them (registry/, workplans/,
 * policies/, status/) into a directory of its own, from Git objects: the
 * working tree, the index and the refs are never touched. Given what the
 * directory already holds (the answer of an earlier call), only the files
 * whose blob differs are written and those the commit lacks are removed, so
 * the second revision of a diff costs its changed files, not the fleet.
 * The directory must be one fleethub owns (under .fleethub/). I/O.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { KIND_DIRS } from '../records/kinds.js';
import type { GitObjects } from './openGitObjects.js';

/** What a materialised directory holds: fleet-relative path → blob id. */
export type Materialised = ReadonlyMap<string, string>;

export const MATERIALISED_DIRS: readonly string[] = [...KIND_DIRS.map((k) => k.dir), 'status'];

export async function materialiseRevision(git: GitObjects, commit: string, dir: string, holds: Materialised = new Map()): Promise<{ holds: Materialised; written: number; removed: number }> {
  const files = await git.filesUnder(commit, MATERIALISED_DIRS);
  const next = new Map(files.map((f) => [f.path, f.oid] as const));
  const blobs = await git.readBlobs(files.filter((f) => holds.get(f.path) !== f.oid).map((f) => f.oid));
  const made = new Set<string>();
  let written = 0;
  let removed = 0;
  for (const [path] of holds) {
    if (next.has(path)) continue;
    rmSync(join(dir, path), { force: true });
    removed++;
  }
  for (const f of files) {
    if (holds.get(f.path) === f.oid) continue;
    const target = join(dir, f.path);
    const parent = dirname(target);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    // A path that was a file and is now a directory (or the reverse) is cleared first.
    if (holds.size > 0) rmSync(target, { recursive: true, force: true });
    writeFileSync(target, blobs.get(f.oid)!);
    written++;
  }
  return { holds: next, written, removed };
}
