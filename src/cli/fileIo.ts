/** The real I/O for the reconcile loop: the repository's files, the clock, the network (probes), the outbox, the artifact renderers. */
import { join } from 'node:path';
import { probeFleet } from '../observe/probeFleet.js';
import { recordEvents } from '../outbox/recordEvents.js';
import { readRepoText } from '../repo/readRepoText.js';
import { writeFileAtomically } from '../repo/writeFileAtomically.js';
import type { ReconcileIo } from '../reconcile/reconcileContext.js';
import { renderBoard } from '../report/renderBoard.js';
import { renderRuntimeRegistry } from '../report/renderRuntimeRegistry.js';

export function fileIo(root: string, env: Readonly<Record<string, string | undefined>> = {}): ReconcileIo {
  return {
    root,
    now: () => new Date(),
    readText: readRepoText(root),
    writeText: (path, text) => writeFileAtomically(join(root, path), text),
    probe: probeFleet,
    render: { board: (input) => renderBoard(input), runtimeRegistry: renderRuntimeRegistry },
    record: async (events) => (await recordEvents(root, events, { env, now: () => new Date() })).map((e) => e.id),
  };
}
