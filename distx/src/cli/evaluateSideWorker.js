/**
 * Worker thread: evaluateSide for one side of `fleethub diff` (reviewSides
 * starts it), so the two revisions are evaluated at once. A deferred one
 * waits for one message naming what it starts from (its start-up overlaps
 * the later side's cache refresh). Posts what the
 * directory holds once it is written (the command records it) and the
 * evaluation; a failure is posted as what it is (a FleethubError's code, message
 * and data; otherwise the message and stack), for the command to raise.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { FleethubError } from '../errors.js';
import { MATERIALISED_DIRS } from '../repo/materialiseRevision.js';
import { openGitObjects } from '../repo/openGitObjects.js';
import { evaluateSide } from './evaluateSide.js';
const given = workerData;
let holds = null;
const failure = (e) => e instanceof FleethubError ? { fleethub: true, code: e.code, message: e.message, data: e.data } : { fleethub: false, message: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? e.stack : undefined };
try {
    const git = await openGitObjects(given.root);
    // A new overlay starts from the files of the working tree's commit: listed while the working tree's cache is made fresh.
    const over = given.overlayOn;
    const listing = over && given.holds.commit === null ? git.filesUnder(over.commit, MATERIALISED_DIRS) : null;
    listing?.catch(() => { }); // raised where it is awaited, below
    // Deferred: started before what it starts from was ready (reviewSides), which arrives as one message.
    const input = given.deferred ? { ...given, ...(await new Promise((resolve) => parentPort.once('message', resolve))) } : given;
    if (listing)
        input.holds = { commit: over.commit, files: new Map((await listing).map((f) => [f.path, f.oid])) };
    const evaluation = await evaluateSide(input, git, (h) => {
        holds = h;
    });
    parentPort.postMessage({ holds, evaluation: { ...evaluation, unevaluable: evaluation.unevaluable && failure(evaluation.unevaluable) } });
}
catch (e) {
    parentPort.postMessage({ holds, error: failure(e) });
}
//# sourceMappingURL=evaluateSideWorker.js.map