/**
 * The events whose edits are not in this checkout's files yet: those still
 * pending in the outbox, and those relayed upstream but not pulled (the most
 * recent `recent` applied events are checked). Both in relay order. Reads the
 * outbox and the checkout's Git repository; an absent outbox has none.
 */
import { resolve } from 'node:path';
import { locateRepository } from '../repo/gitRepository.js';
import { openOutbox } from './openOutbox.js';
import { unpulledEvents } from './unpulledEvents.js';
export async function eventsNotInFiles(root, recent = 5000) {
    const outbox = openOutbox(root, { create: false });
    if (!outbox)
        return { pending: [], unpulled: [] };
    let pending;
    let applied;
    try {
        pending = outbox.list('pending');
        applied = outbox.list('applied', recent, true);
    }
    finally {
        outbox.close();
    }
    // The repository found from the file system, not through isomorphic-git: a checkout with an outbox but nothing relayed loads no Git library.
    return { pending, unpulled: await unpulledEvents(locateRepository(resolve(root))?.workdir ?? null, applied) };
}
//# sourceMappingURL=eventsNotInFiles.js.map