/**
 * Worker thread: runSide for the earlier side of `fleethub diff`
 * (startSideWorker starts it, reviewSides tells it which), so the two
 * revisions are evaluated at once, on two cores.
 */
import { on } from 'node:events';
import { parentPort } from 'node:worker_threads';
import { runSide } from './runSide.js';

// Started before its side was known (startSideWorker): its messages, queued from the start (events.on) so that none is missed.
const messages = on(parentPort!, 'message');
await runSide({
  next: async <T>() => ((await messages.next()).value as [T])[0],
  close: async () => void (await messages.return?.()),
  post: (answer) => parentPort!.postMessage(answer),
});
