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
import { fileVersions } from '../repo/fileVersions.js';
import { MATERIALISED_DIRS } from '../repo/materialiseRevision.js';
import { placementHistory } from '../repo/placementHistory.js';
import { readRepoText } from '../repo/readRepoText.js';
import { PIN_FILE } from '../trust/readFleetTrust.js';
import { fileIo } from './fileIo.js';
import { trustIo } from './trustIo.js';
/**
 * `fresh`: the caller has just brought `dir`'s cache up to date (evaluateSide):
 * the evaluation opens it as it is, without comparing the files again.
 * `checkProcess`: a check process already started on that cache, for the
 * checks step (the caller stops it when the step did not take it).
 * `overlay`: every file read goes through it.
 */
export function revisionIo(root, dir, commit, env, now, options = {}) {
    const io = fileIo(dir, env, now);
    // A check process started with the evaluation (evaluateSide): taken by the one run of the checks step.
    let spare = options.checkProcess;
    const readText = options.overlay ? overlaid(readRepoText(dir), options.overlay) : io.readText;
    const refuse = (what) => () => {
        throw new Error(`the evaluation of revision ${commit} tried to ${what}; it is read-only`);
    };
    const fromRoot = trustIo(root, env);
    const own = { ...trustIo(dir, env), readText };
    return {
        ...io,
        readText,
        ...(options.fresh ? { refreshCache: () => refreshCache(dir, { paths: [] }) } : {}),
        runChecks: (checks) => {
            const started = spare;
            spare = undefined;
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
        readNotInFiles: async () => readText,
    };
}
function overlaid(mine, overlay) {
    const theirs = readRepoText(overlay.on);
    return (path) => {
        if (overlay.gone.has(path))
            return null;
        if (overlay.own.has(path) || !MATERIALISED_DIRS.some((d) => path.startsWith(`${d}/`)))
            return mine(path);
        return theirs(path);
    };
}
//# sourceMappingURL=revisionIo.js.map