/**
 * Writes the fleet's files as a commit has them (registry/, workplans/,
 * policies/, status/) into a directory of its own, from Git objects: the
 * working tree, the index and the refs are never touched. Given what the
 * directory already holds (the answer of an earlier call: a commit and its
 * files), only the files whose blob differs between that commit and this one
 * are written, and those this one lacks removed (the two trees compared
 * top-down, equal subtrees skipped), so the second revision of a diff, or the
 * next diff, costs the files that differ, not the fleet. The directory must
 * be one fleethub owns (under .fleethub/). I/O.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { KIND_DIRS } from '../records/kinds.js';
import type { GitObjects } from './openGitObjects.js';

/** What a materialised directory holds: a commit's files (fleet-relative path → blob id); `commit` null for an empty directory. */
export interface Materialised {
  commit: string | null;
  files: ReadonlyMap<string, string>;
}

export const EMPTY_DIR: Materialised = { commit: null, files: new Map() };

const WRITES_IN_FLIGHT = 16;

/** The directories the walk reads (every kind's top directory: all of registry/, whose stray files it warns about too) and status/. */
export const MATERIALISED_DIRS: readonly string[] = [...new Set(KIND_DIRS.map((k) => k.dir.split('/')[0]!)), 'status'];

export interface Materialisation {
  holds: Materialised;
  written: number;
  removed: number;
  /** The paths written or removed: where the directory now differs from what it held. */
  changed: string[];
}

export async function materialiseRevision(git: GitObjects, commit: string, dir: string, holds: Materialised = EMPTY_DIR): Promise<Materialisation> {
  let todo: Array<{ path: string; oid: string }>;
  let gone: string[];
  const files = new Map(holds.files);
  let changes: Awaited<ReturnType<GitObjects['changedFiles']>> | null = null;
  if (holds.commit === commit) changes = [];
  else if (holds.commit !== null && (await git.hasCommit(holds.commit))) changes = await git.changedFiles(holds.commit, commit, MATERIALISED_DIRS);
  // Otherwise (nothing held, or a commit this repository does not have: a restored cache, a pruned branch): compared file by file.
  if (changes === null) {
    const all = await git.filesUnder(commit, MATERIALISED_DIRS);
    const present = new Set(all.map((f) => f.path));
    todo = all.filter((f) => holds.files.get(f.path) !== f.oid).map((f) => ({ path: f.path, oid: f.oid }));
    gone = [...holds.files.keys()].filter((p) => !present.has(p));
  } else {
    todo = changes.flatMap((c) => (c.after === null ? [] : [{ path: c.path, oid: c.after }]));
    gone = changes.flatMap((c) => (c.after === null ? [c.path] : []));
  }
  const blobs = await git.readBlobs(todo.map((f) => f.oid));
  for (const path of gone) {
    rmSync(join(dir, path), { force: true });
    files.delete(path);
  }
  const root = resolve(dir);
  for (const f of [...todo.map((t) => t.path), ...gone]) {
    // Defence in depth (openGitObjects skips such names): nothing is written outside the directory.
    if (!resolve(root, f).startsWith(root + sep)) throw new Error(`refusing to write ${JSON.stringify(f)}: it is outside ${root}`);
  }
  const made = new Set<string>();
  for (const f of todo) {
    const parent = dirname(join(dir, f.path));
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
  }
  // Several writes in flight: creating a file is mostly the kernel's time, and overlapping them cut a 10,000-file write by a third.
  let cursor = 0;
  const writer = async (): Promise<void> => {
    while (cursor < todo.length) {
      const f = todo[cursor++]!;
      const target = join(dir, f.path);
      // A path that was a directory and is now a file is cleared first.
      if (holds.files.size > 0) rmSync(target, { recursive: true, force: true });
      await writeFile(target, blobs.get(f.oid)!);
      files.set(f.path, f.oid);
    }
  };
  await Promise.all(Array.from({ length: WRITES_IN_FLIGHT }, writer));
  return { holds: { commit, files }, written: todo.length, removed: gone.length, changed: [...todo.map((t) => t.path), ...gone] };
}
