/**
 * The event journals under status/journal/: one append-only file per writer,
 * a JSON line per event that landed upstream. They are how a replayed event
 * is recognised: an event whose id is in its writer's journal at upstream's
 * head has landed, whatever the local outbox says (a relay killed after its
 * push, before it could record it). One file per writer, so writers never
 * touch the same lines.
 */
import { describeEvent } from '../reconcile/outboxEvent.js';
export const JOURNAL_DIR = 'status/journal';
/** The journal file of a writer: its email, lower-cased, with anything but letters, digits, '.', '_' and '-' as '_'. */
export function journalPath(writer) {
    const slug = writer.email.toLowerCase().replace(/[^a-z0-9._-]+/g, '_').replace(/^[._]+/, '') || 'unknown';
    return `${JOURNAL_DIR}/${slug}.jsonl`;
}
const ID = /^\{"id":"([0-9A-HJKMNP-TV-Z]{26})"/;
/** The event ids a journal holds (lines that are not journal lines are ignored). */
export function journalIds(text) {
    const ids = new Set();
    if (!text)
        return ids;
    for (const line of text.split('\n')) {
        const m = ID.exec(line);
        if (m)
            ids.add(m[1]);
    }
    return ids;
}
/** The journal line of an event (id first, so journalIds reads it without parsing JSON). */
export function journalLine(e) {
    return `${JSON.stringify({ id: e.id, type: e.type, at: e.at, what: describeEvent(e) })}\n`;
}
//# sourceMappingURL=journal.js.map