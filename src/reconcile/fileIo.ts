/** The real I/O for the reconcile loop: the repository's files, the clock, the network (probes), the outbox. */
import { join } from 'node:path';
import { probeFleet } from '../observe/probeFleet.js';
import { eventsNotInFiles } from '../outbox/eventsNotInFiles.js';
import { recordEvents } from '../outbox/recordEvents.js';
import { pendingView } from '../relay/pendingView.js';
import { readRepoText } from '../repo/readRepoText.js';
import { writeFileAtomically } from '../repo/writeFileAtomically.js';
import type { ReconcileIo } from './reconcileContext.js';

export function fileIo(root: string, env: Readonly<Record<string, string | undefined>> = {}): ReconcileIo {
  const readText = readRepoText(root);
  return {
    root,
    now: () => new Date(),
    readText,
    writeText: (path, text) => writeFileAtomically(join(root, path), text),
    probe: probeFleet,
    record: async (events) => (await recordEvents(root, events, { env, now: () => new Date() })).map((e) => e.id),
    readNotInFiles: async () => {
      const { pending, unpulled } = await eventsNotInFiles(root);
      if (pending.length === 0 && unpulled.length === 0) return readText;
      const view = pendingView(root, [...unpulled, ...pending]);
      return (path) => view.read(path);
    },
  };
}
