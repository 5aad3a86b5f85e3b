import { fileLocator } from '../records/fileLocator.js';
import { readRepoText } from '../repo/readRepoText.js';
import { changedTopology } from './changedTopology.js';
import { changeFindings } from './changeFindings.js';
import { findingImpact } from './findingImpact.js';
/**
 * `records` may still be in the making (fleethub diff reads them from Git
 * while the evaluations run): the evaluations start first, so the worker
 * thread's start-up overlaps the reading, and both are waited for, whatever
 * fails first (nothing runs on in a directory after this returns).
 */
export async function revisionImpact(from, to, records, io) {
    const settled = await Promise.allSettled([io.evaluate('from', from), io.evaluate('to', to), records]);
    // The records' failure first: reading the revisions is what the evaluations build on (a tree that cannot be read fails both).
    for (const s of [settled[2], settled[0], settled[1]])
        if (s.status === 'rejected')
            throw s.reason;
    const [{ evaluation: before }, { dir, evaluation: after }, changes] = settled.map((s) => s.value);
    return impactOf(before, after, dir, changes);
}
function impactOf(before, after, dir, records) {
    // Neither side evaluable (a pin that does not parse, ...): the failure is this checkout's, not the change's; an empty impact would hide it.
    if (before.unevaluable && after.unevaluable)
        throw after.unevaluable;
    const readText = readRepoText(dir);
    const step = changeFindings({ records, before, after, locate: fileLocator(readText), readText });
    return {
        ...findingImpact(before.findings, after.findings, records, step),
        findings: { from: before.findings.length, to: after.findings.length },
        topology: changedTopology(records, before, after),
    };
}
//# sourceMappingURL=revisionImpact.js.map