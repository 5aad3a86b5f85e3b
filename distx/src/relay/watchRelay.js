/**
 * `relay --watch`: relays whenever the outbox has pending events, until the
 * signal aborts (a pass under way is finished first). After a transient failure it waits until the backoff the
 * failed pass recorded (exponential, with jitter); otherwise it looks again
 * every `intervalMs`. Refused credentials and rejected pushes stop the watch:
 * retrying cannot fix them, a person must.
 */
import { RelayBusyError, UpstreamUnreachableError } from '../errors.js';
import { openOutbox } from '../outbox/openOutbox.js';
import { relay } from './relay.js';
export async function watchRelay(root, options, io, signal, onPass) {
    // Listening for the whole watch says "I stop cleanly": an interrupt during a pass lets the pass finish, then the loop ends.
    const listening = () => { };
    signal.addEventListener('abort', listening);
    try {
        await watch(root, options, io, signal, onPass);
    }
    finally {
        signal.removeEventListener('abort', listening);
    }
}
async function watch(root, options, io, signal, onPass) {
    while (!signal.aborted) {
        const outbox = openOutbox(root);
        const pending = outbox.counts().pending;
        const next = outbox.relayState().nextAttemptAt;
        outbox.close();
        const wait = next ? Date.parse(next) - io.now().getTime() : 0;
        if (pending === 0 || wait > 0) {
            await io.sleep(pending === 0 ? options.intervalMs : Math.min(wait, options.intervalMs * 60), signal);
            continue;
        }
        try {
            onPass(await relay(root, options, io));
        }
        catch (e) {
            if (!(e instanceof UpstreamUnreachableError || e instanceof RelayBusyError))
                throw e;
            onPass(e);
            if (e instanceof RelayBusyError)
                await io.sleep(options.intervalMs, signal);
        }
    }
}
//# sourceMappingURL=watchRelay.js.map