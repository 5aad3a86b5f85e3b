/**
 * Worker thread: evaluateSide for one side of `fleethub diff` (startSideWorker
 * starts it, reviewSides tells it which), so the two revisions are evaluated
 * at once. Its first message is the side to evaluate; a deferred one waits
 * for a second naming what it starts from (its start-up overlaps the later
 * side's cache refresh). Posts what the
 * directory holds once it is written (the command records it) and the
 * evaluation; a failure is posted as what it is (a FleethubError's code, message
 * and data; otherwise the message and stack), for the command to raise.
 */
import { on } from 'node:events';
import { parentPort } from 'node:worker_threads';
import { FleethubError } from '../errors.js';
import { MATERIALISED_DIRS, materialiseRevision, type Materialised } from '../repo/materialiseRevision.js';
import { openGitObjects } from '../repo/openGitObjects.js';
import { evaluateSide, type SideInput } from './evaluateSide.js';

// Started before its side was known (startSideWorker): its messages, queued from the start (events.on) so that none is missed.
const messages = on(parentPort!, 'message');
const next = async <T>(): Promise<T> => ((await messages.next()).value as [T])[0];

const given = await next<SideInput & { deferred: boolean }>();
let holds: Materialised | null = null;
const failure = (e: unknown) =>
  e instanceof FleethubError ? { fleethub: true, code: e.code, message: e.message, data: e.data } : { fleethub: false, message: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? e.stack : undefined };
try {
  const git = await openGitObjects(given.root);
  // A new overlay starts from the files of the working tree's commit: listed while the working tree's cache is made fresh.
  const over = given.overlayOn;
  const listing = over && given.holds.commit === null ? git.filesUnder(over.commit, MATERIALISED_DIRS).then((files): Materialised => ({ commit: over.commit, files: new Map(files.map((f) => [f.path, f.oid] as const)) })) : null;
  // ... and its files written meanwhile too: only its cache comes with the hand-over (evaluateSide takes the writing as done).
  const written = listing?.then((h) => materialiseRevision(git, given.commit, given.dir, h)) ?? null;
  written?.catch(() => {}); // raised where it is awaited (evaluateSide)
  // Deferred: started before what it starts from was ready (reviewSides), which arrives as one message.
  const input: SideInput = given.deferred ? { ...given, ...(await next<Partial<SideInput>>()) } : given;
  // Nothing more comes: the thread ends once it has answered.
  await messages.return?.();
  if (listing) input.holds = await listing;
  const evaluation = await evaluateSide(
    input,
    git,
    (h) => {
      holds = h;
    },
    written ?? undefined,
  );
  parentPort!.postMessage({ holds, evaluation: { ...evaluation, unevaluable: evaluation.unevaluable && failure(evaluation.unevaluable) } });
} catch (e) {
  parentPort!.postMessage({ holds, error: failure(e) });
  await messages.return?.();
}
