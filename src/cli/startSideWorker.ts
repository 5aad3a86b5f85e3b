/**
 * What evaluates the earlier side of `fleethub diff` (runSide), started when
 * the command starts, before its side is known. In a repository of
 * THREAD_THRESHOLD files or more, a worker thread (evaluateSideWorker): its
 * modules load (~0.3 s of CPU) while the command asks git for the working
 * tree's state and resolves the range, and the two sides are then evaluated
 * on two cores. In a smaller one, where an evaluation costs less than that
 * start-up, the command's own thread, one side after the other as each waits.
 * Either is told what to evaluate in its first message (reviewSides), and a
 * deferred one where it starts from in a second (and, when asked, the
 * records' changes of the range, read while it waits: runSide); messages and the answer are
 * copied as a thread's are (structured clone). Its one answer, or why none
 * came (an error, an exit without one), is `answer`, listened for from the
 * start so that nothing it does goes unheard. I/O (a thread).
 */
import { Worker } from 'node:worker_threads';
import { indexEntries } from '../repo/gitRepository.js';
import { runSide } from './runSide.js';
import type { RecordChange } from '../diff/diffRecordVersions.js';
import type { RevisionEvaluation } from '../review/evaluateRevision.js';

export type Failure = { fleethub: true; code: string; message: string; data: Record<string, unknown> } | { fleethub: false; message: string; stack?: string };

export interface Posted {
  evaluation?: Omit<RevisionEvaluation, 'unevaluable'> & { unevaluable?: Failure };
  error?: Failure;
}

/** The records' changes, when the first message asked for them (runSide's `records`), posted before the answer. */
export type PostedRecords = { records: RecordChange[] } | { recordsError: Failure };

export interface SideWorker {
  /** The side to evaluate (SideInput and `deferred`), then, when deferred, where it starts from. */
  post(message: object): void;
  answer: Promise<Posted>;
  /** The records' changes, when asked for (rejects with the failure as posted, or when the runner ended without them). */
  records: Promise<PostedRecords>;
  /** Ends the thread (a no-op once it has answered and ended). */
  stop(): Promise<void>;
}

/** Files in the repository from which the earlier side is evaluated in a worker thread (the cache's parse uses threads from the same size). */
export const THREAD_THRESHOLD = 1500;

/** Where the earlier side of a diff in the repository at `root` is evaluated: a worker thread, or this thread when the repository is small. */
export function sideRunner(root: string): 'worker' | 'thread' {
  return (indexEntries(root) ?? THREAD_THRESHOLD) >= THREAD_THRESHOLD ? 'worker' : 'thread';
}

/** The earlier side's runner for the repository at `root` (sideRunner). */
export function startSide(root: string): SideWorker {
  return sideRunner(root) === 'worker' ? startSideWorker() : startSideInThread();
}

export function startSideWorker(): SideWorker {
  const worker = new Worker(new URL('./evaluateSideWorker.js', import.meta.url));
  let what = 'the earlier revision';
  let gotRecords!: (r: PostedRecords) => void;
  const answer = new Promise<Posted>((resolve, reject) => {
    worker.on('message', (m: Posted | PostedRecords) => ('records' in m || 'recordsError' in m ? gotRecords(m) : resolve(m)));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the evaluation of ${what} ended (exit ${code}) without an answer`)));
  });
  answer.catch(() => {}); // raised where it is awaited (reviewSides), or not at all when the command failed before
  const records = new Promise<PostedRecords>((resolve, reject) => ((gotRecords = resolve), answer.then(() => reject(new Error(`the evaluation of ${what} answered without the records' changes`)), reject)));
  records.catch(() => {}); // as the answer
  return {
    records,
    post(message) {
      if ('commit' in message && typeof message.commit === 'string') what = `revision ${message.commit}`;
      worker.postMessage(message);
    },
    answer,
    stop: () => worker.terminate().then(() => {}),
  };
}

/** runSide in this thread, behind the same interface as the worker's. */
export function startSideInThread(): SideWorker {
  const queued: unknown[] = [];
  let waiting: ((message: unknown) => void) | null = null;
  let answered!: (answer: Posted) => void;
  let gotRecords!: (r: PostedRecords) => void;
  let ended!: (e: unknown) => void;
  const answer = new Promise<Posted>((resolve, reject) => ((answered = resolve), (ended = reject)));
  answer.catch(() => {}); // as the worker's
  const records = new Promise<PostedRecords>((resolve, reject) => ((gotRecords = resolve), answer.then(() => reject(new Error("the evaluation of the earlier revision answered without the records' changes")), reject)));
  records.catch(() => {});
  void runSide({
    next: <T>() => new Promise<T>((resolve) => (queued.length > 0 ? resolve(queued.shift() as T) : (waiting = resolve as (message: unknown) => void))),
    close: async () => {},
    post: (a) => ('records' in a || 'recordsError' in a ? gotRecords(structuredClone(a)) : answered(structuredClone(a))),
  }).then(() => ended(new Error('the evaluation of the earlier revision ended without an answer')), ended);
  return {
    records,
    post(message) {
      const copy = structuredClone(message);
      const w = waiting;
      waiting = null;
      if (w) w(copy);
      else queued.push(copy);
    },
    answer,
    // It cannot be stopped midway; when the command no longer waits for it, its answer is not heard.
    stop: async () => {},
  };
}
