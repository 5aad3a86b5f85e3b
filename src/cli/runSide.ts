/**
 * The earlier side of `fleethub diff`, evaluated (evaluateSide) as its runner
 * is told over `channel`: in a worker thread (evaluateSideWorker) or in the
 * command's own thread (startSide, for a small repository). Its first message
 * is the side to evaluate; a deferred one waits for a second naming what it
 * starts from (reviewSides). Posts what the directory holds once it is
 * written (the command records it) and the evaluation, once; a failure is
 * posted as what it is (a FleethubError's code, message and data; otherwise
 * the message and stack), for the command to raise.
 */
import { copyCache } from '../cache/copyCache.js';
import { FleethubError } from '../errors.js';
import { materialiseRevision, type Materialised } from '../repo/materialiseRevision.js';
import { materialisedFiles } from '../repo/materialisedFiles.js';
import { openGitObjects } from '../repo/openGitObjects.js';
import { writeReviewRecord } from '../repo/openReviewTree.js';
import { evaluateSide, type SideInput } from './evaluateSide.js';
import { createValidators } from '../records/validators.js';
import { diffRevisions } from '../review/diffRevisions.js';
import type { Failure, Posted, PostedRecords } from './startSideWorker.js';

export interface SideChannel {
  /** The next message from the command, in the order sent. */
  next<T>(): Promise<T>;
  /** No more messages will be read. */
  close(): Promise<void>;
  /** The one answer, and before it the records' changes when asked for. */
  post(answer: Posted | PostedRecords): void;
}

/** The first message: the side, whether it waits for what it starts from, where to record what it holds, and the range whose records' changes to read meanwhile, if any. */
export type SideMessage = SideInput & { deferred: boolean; record: string | null; records?: { from: string; to: string } };

/** The second message of a deferred side: where it starts from; `copyCache`: its cache is to be copied from `cacheFrom`'s here. */
export type SideStart = Partial<SideInput> & { copyCache?: boolean };

export async function runSide(channel: SideChannel): Promise<void> {
  const given = await channel.next<SideMessage>();
  /** The records' changes, posted once read (before the answer, which waits for them: a thread ends once it has answered). */
  let recordsPosted: Promise<void> = Promise.resolve();
  try {
    const git = await openGitObjects(given.root);
    // Read while this side waits for what it starts from (the command's thread has more to do then: reviewSides).
    if (given.records) {
      const { from, to } = given.records;
      recordsPosted = diffRevisions(git, from, to, createValidators()).then((records) => channel.post({ records }), (e: unknown) => channel.post({ recordsError: failure(e) }));
    }
    // A new overlay starts from the files of the working tree's commit: listed while the working tree's cache is made fresh.
    const over = given.overlayOn;
    const listing = over && given.holds.commit === null ? materialisedFiles(git, over.commit) : null;
    // ... and its files written meanwhile too: only its cache comes with the hand-over (evaluateSide takes the writing as done).
    const written = listing?.then((h) => materialiseRevision(git, given.commit, given.dir, h)) ?? null;
    written?.catch(() => {}); // raised where it is awaited (evaluateSide)
    // Deferred: started before what it starts from was ready (reviewSides), which arrives as one message.
    const { copyCache: copyHere, ...start } = given.deferred ? await channel.next<SideStart>() : {};
    const input: SideInput = { ...given, ...start };
    if (copyHere && input.cacheFrom !== undefined) copyCache(input.cacheFrom, input.dir);
    // Nothing more comes: a thread ends once it has answered.
    await channel.close();
    if (listing) input.holds = await listing;
    const saved = (h: Materialised): void => {
      if (given.record !== null) writeReviewRecord(given.record, h, input.overlayOn?.commit);
    };
    const evaluation = await evaluateSide(input, git, saved, written ?? undefined);
    await recordsPosted;
    channel.post({ evaluation: { ...evaluation, unevaluable: evaluation.unevaluable && failure(evaluation.unevaluable) } });
  } catch (e) {
    await recordsPosted;
    channel.post({ error: failure(e) });
    await channel.close();
  }
}

function failure(e: unknown): Failure {
  return e instanceof FleethubError ? { fleethub: true, code: e.code, message: e.message, data: e.data } : { fleethub: false, message: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? e.stack : undefined };
}
