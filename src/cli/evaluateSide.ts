/**
 * One side of `fleethub diff`'s range: the revision materialised in its
 * directory (only what differs from what the directory holds), its cache
 * brought up to date by re-reading just the files written or removed (the
 * cache of a directory with a record matches what the record says it holds:
 * the record is saved only after the refresh), the record of what it holds
 * saved, and the revision evaluated offline there with its own I/O
 * (revisionIo), on that cache as it is. Run in the command's thread for the
 * later side and by runSide for the earlier one (in a worker thread in a large
 * repository), so the two evaluations overlap.
 * I/O.
 */
import { existsSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cachePath } from '../cache/cacheFile.js';
import { refreshCache, type Refreshed } from '../cache/refreshCache.js';
import type { Runner } from '../checks/startCheckProcess.js';
import type { ReconcileIo } from '../reconcile/reconcileContext.js';
import type { Finding } from '../records/finding.js';
import { hintFor } from '../records/hints.js';
import { walkFindingOfFile } from '../repo/walkFindingOfFile.js';
import { patchWalkFindings } from '../cache/patchWalkFindings.js';
import { MATERIALISED_DIRS, materialiseRevision, type Materialisation, type Materialised } from '../repo/materialiseRevision.js';
import type { GitObjects } from '../repo/openGitObjects.js';
import { evaluateRevision, type RevisionEvaluation } from '../review/evaluateRevision.js';
import { earlyCheckProcess } from './earlyCheckProcess.js';
import { revisionIo } from './revisionIo.js';

export interface SideInput {
  root: string;
  dir: string;
  commit: string;
  holds: Materialised;
  env: Readonly<Record<string, string | undefined>>;
  /** The evaluation's clock (the same instant for both sides). */
  nowMs: number;
  /** `dir`'s files are hard links to this directory's (or, with overlayOn, stand in for them), and its cache a copy of that one's (reviewSides, a first diff). */
  cacheFrom?: string;
  /**
   * The working tree (`dir`), holding `commit`'s files: this side's `dir`
   * is an overlay on it, with only the files that differ from that commit's,
   * and the evaluation reads every other path of the fleet from the working
   * tree (revisionIo's overlay). Nothing is linked to the user's files and
   * nothing written near them. `holds` is what the overlay holds (that
   * commit's files, for a new overlay).
   */
  overlayOn?: { dir: string; commit: string };
}

/**
 * A copied cache knows a rewritten file by its size and mtime differing from
 * the original's. Should any rewritten file match both (a coarse clock), the
 * copy could answer for the old content: false, and the caller does not use it.
 */
function copiedCacheTrue(input: SideInput, holds: Materialised): boolean {
  for (const [path, oid] of holds.files) {
    if (input.holds.files.get(path) === oid) continue;
    const mine = statSync(join(input.dir, path));
    let theirs;
    try {
      theirs = statSync(join(input.cacheFrom!, path));
    } catch {
      continue; // not in the other directory: the cache has no row for it, so a refresh reads it
    }
    if (mine.size === theirs.size && mine.mtimeMs === theirs.mtimeMs) return false;
  }
  return true;
}

/**
 * What a refresh must look at after `changed` were written or removed: the
 * record files among them (`paths`), and the files the walk warns about by
 * their path alone (`strays`: a `notes.txt` in a kind's directory, walkFindingOfFile), whose walk findings
 * are settled path by path; status/ is read as files, and a README.md or a
 * hidden file the walk passes over. Undefined (the whole tree to be walked)
 * when a path is none of these.
 */
export function refreshPlan(changed: readonly string[]): { paths: string[]; strays: string[] } | undefined {
  const paths: string[] = [];
  const strays: string[] = [];
  for (const p of changed) {
    if (p.startsWith('status/')) continue;
    const rule = walkFindingOfFile(p);
    if (rule === null) return undefined;
    if ('record' in rule) paths.push(p);
    else if ('finding' in rule) strays.push(p);
  }
  return { paths, strays };
}

/** The walk's findings for the stray files of `strays` that `dir` holds (walkFindingOfFile: by their paths alone). */
function strayFindings(dir: string, strays: readonly string[]): Finding[] {
  const out: Finding[] = [];
  for (const path of strays) {
    const rule = walkFindingOfFile(path);
    if (rule !== null && 'finding' in rule && existsSync(join(dir, path))) out.push({ file: path, line: 1, col: 1, ...rule.finding, hint: hintFor(rule.finding.code) });
  }
  return out;
}

/** The record files to refresh after `changed`, when no walk finding may change (refreshPlan); undefined: the whole tree. */
export function pathsToRefresh(changed: readonly string[]): string[] | undefined {
  const plan = refreshPlan(changed);
  return plan && plan.strays.length === 0 ? plan.paths : undefined;
}

/**
 * `saved` is called once the directory (or the overlay) holds the revision
 * and its cache matches: the caller keeps the record (an overlay's names the
 * commit it lies on). `materialised`: the revision already being written
 * over `input.holds` (a new overlay's files, written while its cache was
 * still to come: runSide).
 */
export async function evaluateSide(input: SideInput, git: GitObjects, saved: (holds: Materialised) => void | Promise<void>, materialised?: Promise<Materialisation>): Promise<RevisionEvaluation> {
  const now = new Date(input.nowMs);
  const { holds, changed } = await (materialised ?? materialiseRevision(git, input.commit, input.dir, input.holds));
  const plan = refreshPlan(changed);
  const paths = plan && plan.strays.length === 0 ? plan.paths : undefined;
  const copyTrue = input.cacheFrom === undefined || copiedCacheTrue(input, holds);
  if (input.overlayOn !== undefined) {
    if (plan && copyTrue) {
      const fresh = await refreshCache(input.dir, { paths: plan.paths });
      try {
        // A stray file this revision has (written into the overlay) is warned about; one it lacks, no longer.
        patchWalkFindings(fresh.db, plan.strays, strayFindings(input.dir, plan.strays));
      } catch (e) {
        fresh.db.close();
        throw e;
      }
      const checkProcess = refreshed(input.dir, fresh);
      await saved(holds);
      // What differs from the working tree's commit: those files are in the overlay (written now or before), the rest read from there.
      const delta = await git.changedFiles(input.overlayOn.commit, input.commit, MATERIALISED_DIRS);
      const overlay = { on: input.overlayOn.dir, own: new Set(delta.filter((c) => c.after !== null).map((c) => c.path)), gone: new Set(delta.filter((c) => c.after === null).map((c) => c.path)) };
      return evaluated(revisionIo(input.root, input.dir, input.commit, input.env, () => now, { fresh: true, overlay, checkProcess: () => checkProcess }), input.commit, checkProcess);
    }
    // A change only a walk settles (a directory where a file was), or a copied cache that cannot tell a rewrite: the revision written whole after all.
    rmSync(cachePath(input.dir), { force: true });
    return evaluateSide({ ...input, holds: (await materialiseRevision(git, input.commit, input.dir)).holds, overlayOn: undefined, cacheFrom: undefined }, git, saved);
  }
  // No cache (an empty directory, or a copy removed here): this builds it from every file.
  if (!copyTrue) rmSync(cachePath(input.dir), { force: true });
  const checkProcess = refreshed(input.dir, await refreshCache(input.dir, paths ? { paths } : {}));
  await saved(holds);
  return evaluated(revisionIo(input.root, input.dir, input.commit, input.env, () => now, { fresh: true, checkProcess: () => checkProcess }), input.commit, checkProcess);
}

/** Closes a refreshed cache, with a check process started on it when the checks step is likely to need one (earlyCheckProcess). */
function refreshed(dir: string, r: Refreshed): Runner | undefined {
  try {
    return earlyCheckProcess(r.db, cachePath(dir));
  } finally {
    r.db.close();
  }
}

/** The evaluation, and the check process stopped after it (a no-op when the checks step took it and ended it). */
async function evaluated(io: ReconcileIo, commit: string, checkProcess: Runner | undefined): Promise<RevisionEvaluation> {
  try {
    return await evaluateRevision(io, commit);
  } finally {
    checkProcess?.stop();
  }
}
