/**
 * The impact of a change: both revisions materialised from Git objects, each
 * in a directory fleethub owns, and evaluated offline (evaluateRevision) — the
 * two at once, as the caller arranges (fleethub diff: the earlier one in a
 * worker thread) — and their findings compared (findingImpact), with what
 * only the step between them shows (changeFindings) counted as introduced.
 * The working tree and the index are never read or written.
 */
import type { FleetDiff, RecordChange } from '../diff/diffRecordVersions.js';
import { fileLocator } from '../records/fileLocator.js';
import { readRepoText } from '../repo/readRepoText.js';
import { changedTopology, type TopologyChange } from './changedTopology.js';
import { changeFindings } from './changeFindings.js';
import type { RevisionEvaluation } from './evaluateRevision.js';
import { findingImpact, type FindingImpact } from './findingImpact.js';

export interface ImpactIo {
  /**
   * Materialises `commit` in the directory of its side of the range (one
   * fleethub owns, under .fleethub/) and evaluates it there, with the reconcile
   * I/O of that revision: the evaluation, and the directory it was made in.
   */
  evaluate(side: 'from' | 'to', commit: string): Promise<{ dir: string; evaluation: RevisionEvaluation }>;
}

export interface RevisionImpact extends FindingImpact {
  /** How many findings each revision has: its evaluation's, and for `to` also those only the step between them shows. */
  findings: { from: number; to: number };
  topology: TopologyChange;
}

/**
 * `records` may still be in the making (fleethub diff reads them from Git
 * while the evaluations run): the evaluations start first, so the worker
 * thread's start-up overlaps the reading, and both are waited for, whatever
 * fails first (nothing runs on in a directory after this returns).
 */
export async function revisionImpact(from: string, to: string, records: readonly RecordChange[] | Promise<readonly RecordChange[]>, io: ImpactIo): Promise<RevisionImpact> {
  const settled = await Promise.allSettled([io.evaluate('from', from), io.evaluate('to', to), records]);
  // The records' failure first: reading the revisions is what the evaluations build on (a tree that cannot be read fails both).
  for (const s of [settled[2], settled[0], settled[1]]) if (s.status === 'rejected') throw s.reason;
  const [{ evaluation: before }, { dir, evaluation: after }, changes] = settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as [Awaited<ReturnType<ImpactIo['evaluate']>>, Awaited<ReturnType<ImpactIo['evaluate']>>, readonly RecordChange[]];
  return impactOf(before, after, dir, changes);
}

function impactOf(before: RevisionEvaluation, after: RevisionEvaluation, dir: string, records: readonly RecordChange[]): RevisionImpact {
  // Neither side evaluable (a pin that does not parse, ...): the failure is this checkout's, not the change's; an empty impact would hide it.
  if (before.unevaluable && after.unevaluable) throw after.unevaluable;
  const readText = readRepoText(dir);
  const step = changeFindings({ records, before, after, locate: fileLocator(readText), readText });
  return {
    ...findingImpact(before.findings, after.findings, records, step),
    // The step's findings are the later revision's (docs/diff.md), so `to` counts them: from + introduced − resolved = to.
    findings: { from: before.findings.length, to: after.findings.length + step.length },
    topology: changedTopology(records, before, after),
  };
}

/** What `fleethub diff` found: the range, the records' changes, and the impact (null with --records-only). */
export interface FleetReview extends FleetDiff {
  impact: RevisionImpact | null;
}
