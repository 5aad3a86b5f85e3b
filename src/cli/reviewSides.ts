/**
 * How `fleethub diff` evaluates the two sides of its range (revisionImpact's
 * ImpactIo): each in its own directory of .fleethub/review/ (openReviewTree),
 * the earlier revision in a worker thread (evaluateSideWorker) and the later
 * one in this thread, at once: the same steps on each side (evaluateSide), on
 * two cores. What a directory holds is recorded as soon as it is written. An
 * empty earlier side (a first diff) waits for the later side's files, links
 * them (linkMaterialised) and copies its cache (copyCache), and writes and
 * re-reads only the files that differ.
 * I/O.
 */
import { Worker } from 'node:worker_threads';
import { copyCache } from '../cache/copyCache.js';
import { FleethubError } from '../errors.js';
import { linkMaterialised } from '../repo/linkMaterialised.js';
import type { Materialised } from '../repo/materialiseRevision.js';
import type { GitObjects } from '../repo/openGitObjects.js';
import type { ReviewTree } from '../repo/openReviewTree.js';
import type { RevisionEvaluation } from '../review/evaluateRevision.js';
import type { ImpactIo } from '../review/revisionImpact.js';
import { evaluateSide, type SideInput } from './evaluateSide.js';

type Failure = { fleethub: true; code: string; message: string; data: Record<string, unknown> } | { fleethub: false; message: string; stack?: string };
interface Posted {
  holds: Materialised | null;
  evaluation?: Omit<RevisionEvaluation, 'unevaluable'> & { unevaluable?: Failure };
  error?: Failure;
}

export function reviewSides(root: string, git: GitObjects, tree: ReviewTree, env: Readonly<Record<string, string | undefined>>, nowMs: number): ImpactIo {
  let written!: (holds: Materialised) => void;
  let failed!: (e: unknown) => void;
  const later = new Promise<Materialised>((resolve, reject) => ((written = resolve), (failed = reject)));
  later.catch(() => {}); // the 'to' side raises it
  return {
    async evaluate(side, commit) {
      const slot = tree[side];
      const input: SideInput = { root, dir: slot.dir, commit, holds: slot.holds, env: { ...env }, nowMs };
      if (side === 'to') {
        const saved = (h: Materialised): void => {
          slot.save(h);
          // An empty earlier side gets a copy of this side's cache, fresh by now.
          if (tree.from.holds.commit === null) copyCache(slot.dir, tree.from.dir);
          written(h);
        };
        return { dir: slot.dir, evaluation: await evaluateSide(input, git, saved).catch((e: unknown) => (failed(e), Promise.reject(e))) };
      }
      // An empty earlier side (a first diff) starts from the later side's files, linked, and is written as the delta between the two.
      if (slot.holds.commit === null) {
        input.holds = await linkMaterialised(tree.to.dir, await later, slot.dir);
        input.cacheFrom = tree.to.dir;
      }
      const posted = await new Promise<Posted>((resolve, reject) => {
        const worker = new Worker(new URL('./evaluateSideWorker.js', import.meta.url), { workerData: input });
        worker.once('message', (m: Posted) => resolve(m));
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`the evaluation of revision ${commit} ended (exit ${code}) without an answer`)));
      });
      if (posted.holds) slot.save(posted.holds);
      if (posted.error) throw raised(posted.error);
      const e = posted.evaluation!;
      return { dir: slot.dir, evaluation: { ...e, ...(e.unevaluable ? { unevaluable: raised(e.unevaluable) as FleethubError } : { unevaluable: undefined }) } };
    },
  };
}

function raised(f: Failure): Error {
  if (f.fleethub) return new FleethubError(f.code, f.message, f.data);
  const e = new Error(f.message);
  if (f.stack) e.stack = f.stack;
  return e;
}
