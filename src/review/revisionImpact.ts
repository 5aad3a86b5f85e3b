/**
 * The impact of a change: both revisions materialised from Git objects into
 * one directory fleethub owns (each as the files that differ from what the
 * directory holds), each evaluated offline (evaluateRevision), and their
 * findings compared (findingImpact), with what only the step between them
 * shows (changeFindings) counted as introduced. The working tree and the
 * index are never read or written. The caller gives the directory (kept
 * between runs: only what differs from what it holds is written).
 */
import type { FleetDiff, RecordChange } from '../diff/diffRecordVersions.js';
import { fileLocator } from '../records/fileLocator.js';
import type { ReconcileIo } from '../reconcile/reconcileContext.js';
import { materialiseRevision, type Materialised } from '../repo/materialiseRevision.js';
import type { GitObjects } from '../repo/openGitObjects.js';
import { readRepoText } from '../repo/readRepoText.js';
import { changedTopology, type TopologyChange } from './changedTopology.js';
import { changeFindings } from './changeFindings.js';
import { evaluateRevision } from './evaluateRevision.js';
import { findingImpact, type FindingImpact } from './findingImpact.js';

export interface ImpactIo {
  /** A directory of fleethub's own (under .fleethub/) to materialise the revisions in. */
  dir: string;
  /** What `dir` holds already (openReviewTree); empty for an empty directory. */
  holds: Materialised;
  /** Called once `dir` holds the later revision whole. */
  materialised(holds: Materialised): void;
  /** The reconcile I/O for the revision `commit` materialised in `dir`. */
  ioFor(dir: string, commit: string): ReconcileIo;
}

export interface RevisionImpact extends FindingImpact {
  /** How many findings each revision's evaluation has. */
  findings: { from: number; to: number };
  topology: TopologyChange;
}

export async function revisionImpact(git: GitObjects, from: string, to: string, records: readonly RecordChange[], io: ImpactIo): Promise<RevisionImpact> {
  const { holds } = await materialiseRevision(git, from, io.dir, io.holds);
  const before = await evaluateRevision(io.ioFor(io.dir, from), from);
  io.materialised((await materialiseRevision(git, to, io.dir, holds)).holds);
  const after = await evaluateRevision(io.ioFor(io.dir, to), to);
  // Neither side evaluable (a pin that does not parse, ...): the failure is this checkout's, not the change's; an empty impact would hide it.
  if (before.unevaluable && after.unevaluable) throw after.unevaluable;
  const readText = readRepoText(io.dir);
  const step = changeFindings({ records, before, after, locate: fileLocator(readText), readText });
  return {
    ...findingImpact(before.findings, after.findings, records, step),
    findings: { from: before.findings.length, to: after.findings.length },
    topology: changedTopology(records, before, after),
  };
}

/** What `fleethub diff` found: the range, the records' changes, and the impact (null with --records-only). */
export interface FleetReview extends FleetDiff {
  impact: RevisionImpact | null;
}
