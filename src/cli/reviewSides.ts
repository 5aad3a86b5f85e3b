/**
 * How `fleethub diff` evaluates the two sides of its range (revisionImpact's
 * ImpactIo): each in its own directory of .fleethub/review/ (openReviewTree),
 * the earlier revision by its runner (startSide: a worker thread, or this
 * thread in a small repository) and the later one in this thread, at once:
 * the same steps on each side (evaluateSide), on two cores. What a directory
 * holds is recorded once it and its cache match.
 * An empty earlier side (a first diff) waits for the later side's files,
 * links them (linkMaterialised) and copies its cache (copyCache), and writes
 * and re-reads only the files that differ.
 *
 * With `worktree` (diff.ts: the later revision is the checkout as it
 * stands, as in a pull request's CI job), the later side is evaluated in the
 * working tree itself, on the fleet's own cache, and the earlier side is an
 * overlay on it: only the files that differ are written (under
 * .fleethub/review/base/), every other path is read from the working tree,
 * nothing is linked to the user's files. The overlay is kept with the commit
 * it lies on, and used again only while the working tree holds that commit.
 * A first diff of the 30,000-file fleet then writes 100 files, not 60,000.
 * With `base` (the working tree holds another commit as committed: a diff
 * of two branches from a third), both sides are such overlays, each
 * starting from a copy of the fleet's cache, refreshed first (this thread).
 * A side whose directory already holds a whole revision keeps it.
 * I/O.
 */
import { cachePath } from '../cache/cacheFile.js';
import { copyCache } from '../cache/copyCache.js';
import { refreshCache } from '../cache/refreshCache.js';
import type { Runner } from '../checks/startCheckProcess.js';
import { FleethubError } from '../errors.js';
import { linkMaterialised } from '../repo/linkMaterialised.js';
import { EMPTY_DIR, type Materialised } from '../repo/materialiseRevision.js';
import { materialisedFiles } from '../repo/materialisedFiles.js';
import type { GitObjects } from '../repo/openGitObjects.js';
import type { ReviewTree } from '../repo/openReviewTree.js';
import { evaluateRevision, type RevisionEvaluation } from '../review/evaluateRevision.js';
import type { ImpactIo } from '../review/revisionImpact.js';
import type { RecordChange } from '../diff/diffRecordVersions.js';
import { evaluateSide, type SideInput } from './evaluateSide.js';
import { earlyCheckProcess } from './earlyCheckProcess.js';
import { revisionIo } from './revisionIo.js';
import type { SideMessage, SideStart } from './runSide.js';
import { startSide, type Failure, type Posted, type SideWorker } from './startSideWorker.js';

export interface ReviewSides extends ImpactIo {
  /**
   * Settles once the earlier side has what it starts from (at once when it does not wait for the later side):
   * work the command can do at any time (reading the records) waits for it, so as not to hold up the hand-over.
   */
  started: Promise<void>;
  /** The records' changes, read by the earlier side's runner, when `records` asked it to. */
  records?: Promise<RecordChange[]>;
}

/**
 * `worktree`: the commit the working tree holds as it stands, when that is the later revision (diff.ts).
 * `base`: that commit, when it is not the later revision.
 * `worker`: the earlier side's runner, started before (startSide); started here otherwise.
 */
export function reviewSides(root: string, git: GitObjects, tree: ReviewTree, env: Readonly<Record<string, string | undefined>>, nowMs: number, options: { worktree?: string; base?: string; worker?: SideWorker; records?: { from: string; to: string } } = {}): ReviewSides {
  let resolveLater!: (holds: Materialised) => void;
  let failed!: (e: unknown) => void;
  const later = new Promise<Materialised>((resolve, reject) => ((resolveLater = resolve), (failed = reject)));
  later.catch(() => {}); // the 'to' side raises it
  /**
   * The earlier side's worker, when it waits for the later side: told at once, in the same turn (a promise's
   * callback would run only after the later side's next synchronous stretch, its evaluation's first queries).
   */
  let handOver: (() => void) | null = null;
  let laterWritten = false;
  const written = (holds: Materialised): void => {
    laterWritten = true;
    resolveLater(holds);
    handOver?.();
  };
  const { worktree, base } = options;
  /** The commit the working tree holds as it stands, if any: what a side can be laid over. */
  const on = worktree ?? base;
  // An overlay is only good on the working tree as it held the commit it names (tree/ is left alone when the working tree serves for it).
  if (tree.from.over !== null && tree.from.over !== on) tree.from.clear();
  if (!worktree && tree.to.over !== null && tree.to.over !== base) tree.to.clear();
  // An empty earlier side starts from the later side: its files linked from tree/, or, when the working tree holds a commit, laid over it.
  const empty = tree.from.holds.commit === null;
  const overlayOn = on && (empty || tree.from.over !== null) ? { dir: root, commit: on } : undefined;
  const toOverlay = base && (tree.to.holds.commit === null || tree.to.over !== null) ? { dir: root, commit: base } : undefined;
  /**
   * With `base`, this thread also writes and evaluates an overlay of its own, so the earlier side's runner takes its copy
   * itself (the fleet's cache is not written after startOverlays); with `worktree`, the runner has the longer way, so the copy is made here.
   */
  const runnerCopies = base !== undefined;
  /** An empty earlier side laid over the working tree is handed a copy of the fleet's cache, once that is fresh. */
  const handCache = (): void => {
    tree.from.touch();
    if (!runnerCopies) copyCache(root, tree.from.dir);
    written(EMPTY_DIR);
  };
  const worker = options.worker ?? startSide(root);
  const records = options.records && worker.records.then((r) => ('records' in r ? r.records : Promise.reject(raised(r.recordsError))));
  records?.catch(() => {}); // raised where it is awaited (revisionImpact)
  return {
    started: empty ? later.then(() => {}, () => {}) : Promise.resolve(),
    ...(records ? { records } : {}),
    async evaluate(side, commit) {
      const slot = tree[side];
      // The slot is written in from here (not tree/ when the later side is the working tree: that one keeps its record).
      if (!(side === 'to' && worktree)) slot.touch();
      const input: SideInput = { root, dir: slot.dir, commit, holds: slot.holds, env: { ...env }, nowMs, ...(side === 'from' && overlayOn ? { overlayOn } : {}) };
      if (side === 'to' && worktree) {
        // A new overlay starts from the working tree's cache, copied once it is fresh (the worker lists the commit's files meanwhile).
        let handed = false;
        const fresh = (): void => {
          if (!empty) return;
          handed = true;
          handCache();
        };
        const evaluation = await evaluateWorktree(root, commit, env, nowMs, fresh).catch((e: unknown) => (failed(e), Promise.reject(e)));
        // Unevaluable before its cache was fresh: the earlier side has nothing to start from, and fails with the same cause (never waits).
        if (empty && !handed) failed(evaluation.unevaluable ?? new Error(`the working tree at ${commit} was evaluated without its cache`));
        return { dir: root, evaluation };
      }
      if (side === 'to') {
        const raise = (e: unknown): Promise<never> => (failed(e), Promise.reject(e));
        // Laid over the working tree (`base`): its cache brought up to date first when a side starts from a copy of it.
        const fromRoot = toOverlay !== undefined && slot.holds.commit === null;
        // A new overlay holds the working tree's commit's files to begin with: listed while the cache is refreshed.
        const listing = fromRoot ? materialisedFiles(git, toOverlay.commit) : null;
        listing?.catch(() => {}); // raised below
        if (base) await startOverlays(root, tree, { from: empty && overlayOn !== undefined, to: fromRoot }, handCache).catch(raise);
        if (toOverlay) {
          const holds = listing ? await listing.catch(raise) : slot.holds;
          const overlaid: SideInput = { ...input, holds, overlayOn: toOverlay, ...(fromRoot ? { cacheFrom: root } : {}) };
          return { dir: slot.dir, evaluation: await evaluateSide(overlaid, git, (h) => slot.save(h, toOverlay.commit)).catch(raise) };
        }
        const saved = (h: Materialised): void => {
          slot.save(h);
          // An earlier side laid over the working tree was handed its start (startOverlays); another, if empty, gets this side's files and a copy of its cache, fresh by now.
          if (overlayOn) return;
          if (tree.from.holds.commit === null) copyCache(slot.dir, tree.from.dir);
          written(h);
        };
        return { dir: slot.dir, evaluation: await evaluateSide(input, git, saved).catch(raise) };
      }
      // The runner is told its side now; an empty earlier side (a first diff) is handed where it starts from once the later side's cache is fresh.
      worker.post({ ...input, deferred: empty, record: slot.record, ...(options.records ? { records: options.records } : {}) } satisfies SideMessage);
      const posted = await new Promise<Posted>((resolve, reject) => {
        worker.answer.then(resolve, reject);
        if (!empty) return;
        // Where it starts from: the working tree to lay the delta over, or the later side's files, linked; either way its cache copied.
        const start = (more: SideStart): void => worker.post(more);
        // The later side's failure is the answer (given first: the thread's exit that follows would reject too).
        const stop = (e: unknown): void => {
          reject(e);
          void worker.stop();
        };
        if (overlayOn) {
          handOver = () => start({ cacheFrom: root, ...(runnerCopies ? { copyCache: true } : {}) });
          // (The later side is asked for after this one, so its cache cannot be fresh yet; should that change, the worker is told now.)
          if (laterWritten) handOver();
          later.catch(stop);
        } else later.then((h) => linkMaterialised(tree.to.dir, h, slot.dir)).then((holds) => start({ holds, cacheFrom: tree.to.dir }), stop);
      });
      if (posted.error) throw raised(posted.error);
      const e = posted.evaluation!;
      return { dir: slot.dir, evaluation: { ...e, ...(e.unevaluable ? { unevaluable: raised(e.unevaluable) as FleethubError } : { unevaluable: undefined }) } };
    },
  };
}

/**
 * With `base`: the fleet's cache brought up to date when a side starts an
 * overlay from a copy of it (`to`: the later side, given its copy here;
 * `from`: an empty earlier side, handed its copy by `handCache`).
 */
async function startOverlays(root: string, tree: ReviewTree, starts: { from: boolean; to: boolean }, handCache: () => void): Promise<void> {
  if (!starts.from && !starts.to) return;
  (await refreshCache(root)).db.close();
  if (starts.to) copyCache(root, tree.to.dir);
  if (starts.from) handCache();
}

/**
 * The later side in the working tree itself (diff.ts checked that it holds
 * exactly that commit's files): its own cache, refreshed as any command
 * refreshes it, and the revision's I/O; `fresh` is called once that cache is.
 */
async function evaluateWorktree(root: string, commit: string, env: Readonly<Record<string, string | undefined>>, nowMs: number, fresh: () => void): Promise<RevisionEvaluation> {
  const now = new Date(nowMs);
  let checkProcess: Runner | undefined;
  const io = revisionIo(root, root, commit, env, () => now, { checkProcess: () => checkProcess });
  try {
    return await evaluateRevision(
      {
        ...io,
        refreshCache: async () => {
          const refreshed = await io.refreshCache();
          fresh();
          checkProcess = earlyCheckProcess(refreshed.db, cachePath(root));
          return refreshed;
        },
      },
      commit,
    );
  } finally {
    checkProcess?.stop();
  }
}

function raised(f: Failure): Error {
  if (f.fleethub) return new FleethubError(f.code, f.message, f.data);
  const e = new Error(f.message);
  if (f.stack) e.stack = f.stack;
  return e;
}
