/**
 * The hub's background relay: `relay --watch` (src/relay/watchRelay.ts, its
 * backoff and the relay lock shared with the CLI) until the hub stops. A nudge
 * (a task recorded, POST /api/relay) cuts the wait short. A failure retrying
 * cannot fix (refused credentials, a rejected push) is reported and the relay
 * waits for the next nudge instead of ending the hub.
 */
import { FleethubError } from '../errors.js';
import { watchRelay } from '../relay/watchRelay.js';
export function hubRelay(root, options, io, signal, onPass) {
    let wake = null;
    let nudged = false;
    const sleep = (ms, s) => new Promise((resolve) => {
        if (nudged || s.aborted) {
            nudged = false;
            return resolve();
        }
        const done = () => {
            clearTimeout(t);
            s.removeEventListener('abort', done);
            wake = null;
            resolve();
        };
        const t = setTimeout(done, ms);
        s.addEventListener('abort', done);
        wake = done;
    });
    const run = async () => {
        while (!signal.aborted) {
            try {
                await watchRelay(root, options, { ...io, sleep }, signal, onPass);
            }
            catch (e) {
                if (!(e instanceof FleethubError))
                    throw e;
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
//# sourceMappingURL=hubRelay.js.map