/**
 * One side of `fleethub diff`'s range: the revision materialised in its
 * directory (only what differs from what the directory holds), the record of
 * what it holds saved, and the revision evaluated offline there with its own
 * I/O (revisionIo). Run in the command's thread for one side and in a worker
 * thread (evaluateSideWorker) for the other, so the two evaluations overlap.
 * I/O.
 */
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
}

export async function evaluateSide(input: SideInput, git: GitObjects, saved: (holds: Materialised) => void): Promise<RevisionEvaluation> {
  saved((await materialiseRevision(git, input.commit, input.dir, input.holds)).holds);
  const now = new Date(input.nowMs);
  return evaluateRevision(revisionIo(input.root, input.dir, input.commit, input.env, () => now), input.commit);
}
