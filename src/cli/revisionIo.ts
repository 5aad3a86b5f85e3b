/**
 * The real I/O for evaluating another revision of the fleet (fleethub diff):
 * the revision's files as materialised in `dir`, its history read from the
 * fleet's repository as of that commit (the freeze's placements, trust.yaml's
 * versions, the ratchet's), the pin from the fleet's own .fleethub/ (or
 * FLEETHUB_TRUST_ROOT). It has no events (nothing pending belongs to an old
 * revision) and it never probes, writes or records: the evaluation is offline
 * and read-only, and an attempt to do otherwise is an internal error.
 */
import { cachePath } from '../cache/cacheFile.js';
import { refreshCache } from '../cache/refreshCache.js';
import { runChecks } from '../checks/runChecks.js';
import type { Runner } from '../checks/startCheckProcess.js';
import { fileVersions } from '../repo/fileVersions.js';
import { MATERIALISED_DIRS } from '../repo/materialiseRevision.js';
import { placementHistory } from '../repo/placementHistory.js';
import { readRepoText } from '../repo/readRepoText.js';
import type { ReconcileIo } from '../reconcile/reconcileContext.js';
import { PIN_FILE } from '../trust/readFleetTrust.js';
import { fileIo } from './fileIo.js';
import { trustIo } from './trustIo.js';

/** `dir` holds only `own` of the fleet's files; `gone` are not in the revision; every other path under the fleet's directories is read from `on` (evaluateSide's overlayOn). */
export interface Overlay {
  on: string;
  own: ReadonlySet<string>;
  gone: ReadonlySet<string>;
}

/**
 * `fresh`: the caller has just brought `dir`'s cache up to date (evaluateSide):
 * the evaluation opens it as it is, without comparing the files again.
 * `checkProcess`: a check process already started on that cache, if any by
 * the time the checks step runs (the caller stops it when the step did not
 * take it).
 * `overlay`: every file read goes through it.
 */
export function revisionIo(root: string, dir: string, commit: string, env: Readonly<Record<string, string | undefined>>, now: () => Date, options: { fresh?: boolean; overlay?: Overlay; checkProcess?: () => Runner | undefined } = {}): ReconcileIo {
  const io = fileIo(dir, env, now);
  // A check process started with the evaluation (earlyCheckProcess), taken by the one run of the checks step.
  let taken = false;
  const readText = options.overlay ? overlaid(readRepoText(dir), options.overlay) : io.readText;
  const refuse = (what: string) => (): never => {
    throw new Error(`the evaluation of revision ${commit} tried to ${what}; it is read-only`);
  };
  const fromRoot = trustIo(root, env);
  const own = { ...trustIo(dir, env), readText };
  return {
    ...io,
    readText,
    ...(options.fresh ? { refreshCache: () => refreshCache(dir, { paths: [] }) } : {}),
    runChecks: (checks) => {
      const started = taken ? undefined : options.checkProcess?.();
      taken = true;
      return runChecks(cachePath(dir), checks, started);
    },
    writeText: refuse('write a file'),
    probe: refuse('probe'),
    record: refuse('record events'),
    placementHistory: (files, memo) => placementHistory(root, files, memo, commit),
    trust: {
      ...own,
      readText: (path) => (path === PIN_FILE ? fromRoot.readText(path) : own.readText(path)),
      readAbsolute: fromRoot.readAbsolute,
      fileVersions: (path) => fileVersions(root, path, commit),
      head: () => commit,
    },
    notInFiles: async () => ({ read: readText, tasks: new Map() }),
  };
}

function overlaid(mine: (path: string) => string | null, overlay: Overlay): (path: string) => string | null {
  const theirs = readRepoText(overlay.on);
  return (path) => {
    if (overlay.gone.has(path)) return null;
    if (overlay.own.has(path) || !MATERIALISED_DIRS.some((d) => path.startsWith(`${d}/`))) return mine(path);
    return theirs(path);
  };
}
