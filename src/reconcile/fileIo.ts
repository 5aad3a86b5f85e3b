/** The real I/O for the reconcile loop: the repository's files, the clock, the network (probes), the outbox. */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { probeFleet } from '../observe/probeFleet.js';
import { recordEvents } from '../outbox/recordEvents.js';
import type { ReconcileIo } from './reconcileContext.js';

export function fileIo(root: string, env: Readonly<Record<string, string | undefined>> = {}): ReconcileIo {
  return {
    root,
    now: () => new Date(),
    readText(path) {
      try {
        return readFileSync(join(root, path), 'utf8');
      } catch {
        return null;
      }
    },
    writeText(path, text) {
      const abs = join(root, path);
      mkdirSync(dirname(abs), { recursive: true });
      const tmp = `${abs}.${process.pid}.tmp`;
      writeFileSync(tmp, text);
      renameSync(tmp, abs);
    },
    probe: probeFleet,
    record: async (events) => (await recordEvents(root, events, { env, now: () => new Date() })).map((e) => e.id),
  };
}
