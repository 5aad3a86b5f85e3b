/**
 * The worker thread that evaluates the earlier side of `fleethub diff`
 * (evaluateSideWorker), started when the command starts, before its side is
 * known: its modules load (~0.3 s) while the command asks git for the working
 * tree's state and resolves the range. It is told what to evaluate in its
 * first message (reviewSides), and a deferred one where it starts from in a
 * second. Its one answer, or why none came (an error, an exit without one), is
 * `answer`, listened for from the start so that nothing it does goes unheard.
 * I/O (a thread).
 */
import { Worker } from 'node:worker_threads';
import type { Materialised } from '../repo/materialiseRevision.js';
import type { RevisionEvaluation } from '../review/evaluateRevision.js';

export type Failure = { fleethub: true; code: string; message: string; data: Record<string, unknown> } | { fleethub: false; message: string; stack?: string };

export interface Posted {
  holds: Materialised | null;
  evaluation?: Omit<RevisionEvaluation, 'unevaluable'> & { unevaluable?: Failure };
  error?: Failure;
}

export interface SideWorker {
  /** The side to evaluate (SideInput and `deferred`), then, when deferred, where it starts from. */
  post(message: object): void;
  answer: Promise<Posted>;
  /** Ends the thread (a no-op once it has answered and ended). */
  stop(): Promise<void>;
}

export function startSideWorker(): SideWorker {
  const worker = new Worker(new URL('./evaluateSideWorker.js', import.meta.url));
  let what = 'the earlier revision';
  const answer = new Promise<Posted>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the evaluation of ${what} ended (exit ${code}) without an answer`)));
  });
  answer.catch(() => {}); // raised where it is awaited (reviewSides), or not at all when the command failed before
  return {
    post(message) {
      if ('commit' in message && typeof message.commit === 'string') what = `revision ${message.commit}`;
      worker.postMessage(message);
    },
    answer,
    stop: () => worker.terminate().then(() => {}),
  };
}
