/**
 * The hub's background relay: `relay --watch` (src/relay/watchRelay.ts, its
 * backoff and the relay lock shared with the CLI) until the hub stops. A nudge
 * (a task recorded, POST /api/relay) cuts the wait short. A failure retrying
 * cannot fix (refused credentials, a rejected push) is reported and the relay
 * waits for the next nudge instead of ending the hub.
 */
import { FleethubError } from '../errors.js';
import type { RelayOptions, RelayReport } from '../relay/relay.js';
import { watchRelay } from '../relay/watchRelay.js';

export interface HubRelay {
  /** Look at the outbox now (ends the current wait). */
  nudge(): void;
  /** Resolves once the loop has stopped (after the signal aborted; a pass under way is finished first). */
  stopped: Promise<void>;
}

export function hubRelay(root: string, options: RelayOptions & { intervalMs: number }, io: { now(): Date; random(): number }, signal: AbortSignal, onPass: (outcome: RelayReport | Error) => void): HubRelay {
  let wake: (() => void) | null = null;
  let nudged = false;
  const sleep = (ms: number, s: AbortSignal): Promise<void> =>
    new Promise<void>((resolve) => {
      if (nudged || s.aborted) {
        nudged = false;
        return resolve();
      }
      const done = (): void => {
        clearTimeout(t);
        s.removeEventListener('abort', done);
        wake = null;
        resolve();
      };
      const t = setTimeout(done, ms);
      s.addEventListener('abort', done);
      wake = done;
    });
  const run = async (): Promise<void> => {
    while (!signal.aborted) {
      try {
        await watchRelay(root, options, { ...io, sleep }, signal, onPass);
      } catch (e) {
        if (!(e instanceof FleethubError)) throw e;
        onPass(e);
        // Waits for a person (credentials, configuration): the next nudge or the long interval tries again.
        await sleep(options.intervalMs * 60, signal);
      }
    }
  };
  return {
    nudge() {
      nudged = wake === null;
      wake?.();
    },
    stopped: run(),
  };
}
