/** The real I/O for the reconcile loop: the repository's files, the clock, the network (probes), the outbox (and the view of its events not in the files yet), the artifact renderers. */
import { join } from 'node:path';
import { cachePath } from '../cache/cacheFile.js';
import { refreshCache } from '../cache/refreshCache.js';
import { runChecks } from '../checks/runChecks.js';
import { probeFleet } from '../observe/probeFleet.js';
import { eventsNotInFiles } from '../outbox/eventsNotInFiles.js';
import { pendingTaskStates } from '../outbox/pendingTaskStates.js';
import { recordEvents } from '../outbox/recordEvents.js';
import { pendingView } from '../relay/pendingView.js';
import { placementHistory } from '../repo/placementHistory.js';
import { readRepoText } from '../repo/readRepoText.js';
import { writeFileAtomically } from '../repo/writeFileAtomically.js';
import type { ReconcileIo } from '../reconcile/reconcileContext.js';
import { renderBoard } from '../report/renderBoard.js';
import { renderRuntimeRegistry } from '../report/renderRuntimeRegistry.js';
import { trustIo } from './trustIo.js';
import { readOrchestratorKey } from './readOrchestratorKey.js';

/** `now`: the one clock of the run: the context's time, the probes' and the recorded events' (tests pass a fixed one). */
export function fileIo(root: string, env: Readonly<Record<string, string | undefined>> = {}, now: () => Date = () => new Date()): ReconcileIo {
  const readText = readRepoText(root);
  return {
    root,
    now,
    readText,
    writeText: (path, text) => writeFileAtomically(join(root, path), text),
    probe: probeFleet,
    refreshCache: () => refreshCache(root),
    placementHistory: (files, memo) => placementHistory(root, files, memo),
    runChecks: (checks) => runChecks(cachePath(root), checks),
    render: { board: (input) => renderBoard(input), runtimeRegistry: renderRuntimeRegistry },
    trust: trustIo(root, env),
    record: async (events) => (await recordEvents(root, events, { env, now })).map((e) => e.id),
    orchestratorKey: () => readOrchestratorKey(root, env),
    notInFiles: async () => {
      const { pending, unpulled } = await eventsNotInFiles(root);
      if (pending.length === 0 && unpulled.length === 0) return { read: readText, tasks: new Map() };
      const view = pendingView(root, [...unpulled, ...pending]);
      return { read: (path) => view.read(path), tasks: pendingTaskStates(pending, unpulled) };
    },
  };
}
