import { openOutbox } from './openOutbox.js';
import { writerIdentity } from './writerIdentity.js';
/** Made on first use (loading ulidx is not start-up work for commands that never record). */
let ulid = null;
export async function recordEvents(root, bodies, io) {
    ulid ??= (await import('ulidx')).monotonicFactory();
    const next = ulid;
    const writer = await writerIdentity(root, io.env);
    const now = io.now();
    const outbox = openOutbox(root);
    try {
        return outbox.append(bodies.map((body) => ({ body, writer, at: now.toISOString(), id: next(now.getTime()) })));
    }
    finally {
        outbox.close();
    }
}
//# sourceMappingURL=recordEvents.js.map