import { openOutbox } from '../../src/outbox/openOutbox.js';
import { upstreamFile } from '../git-server/fleetUpstream.js';
/** A progress note line under a task: `  - YYYY-MM-DD: <note>`. */
const NOTE = /^\s+- \d{4}-\d{2}-\d{2}: (.*)$/;
export async function verifyTrial(server, repo, root, acknowledged, where) {
    const outbox = openOutbox(root, { create: false });
    let events = [];
    let counts = { pending: 0, applied: 0, dead: 0, dropped: 0 };
    if (outbox) {
        try {
            events = outbox.list();
            counts = outbox.counts();
        }
        finally {
            outbox.close();
        }
    }
    const journal = tally(((await upstreamFile(server, repo, where.journalFile)) ?? '').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l).id));
    const notes = tally(((await upstreamFile(server, repo, where.workplanFile)) ?? '').split('\n').flatMap((l) => NOTE.exec(l)?.[1] ?? []));
    const verdict = { appended: events.length, acknowledged: acknowledged.size, landed: journal.size, counts, duplicates: [], lost: [], phantoms: [] };
    const ids = new Set(events.map((e) => e.id));
    const noteOf = new Map(events.map((e) => [e.id, e.type === 'task.set' ? (e.payload.note ?? '') : '']));
    for (const id of acknowledged)
        if (!ids.has(id))
            verdict.lost.push(`${id}: acknowledged, not in the outbox`);
    for (const e of events) {
        const inJournal = journal.get(e.id) ?? 0;
        const inFile = notes.get(noteOf.get(e.id)) ?? 0;
        if (inJournal > 1 || inFile > 1)
            verdict.duplicates.push(`${e.id} (${noteOf.get(e.id)}): ${inJournal}× in the journal, ${inFile}× in the workplan`);
        if (inJournal === 0 || inFile === 0)
            verdict.lost.push(`${e.id} (${noteOf.get(e.id)}, ${e.state}): ${inJournal}× in the journal, ${inFile}× in the workplan`);
    }
    const appendedNotes = new Set(noteOf.values());
    for (const id of journal.keys())
        if (!ids.has(id))
            verdict.phantoms.push(`${id}: in the journal, not in the outbox`);
    for (const note of notes.keys())
        if (!appendedNotes.has(note))
            verdict.phantoms.push(`note '${note}': in the workplan, not in the outbox`);
    if (counts.pending > 0)
        verdict.lost.push(`${counts.pending} event(s) still pending`);
    if (counts.dead > 0)
        verdict.lost.push(`${counts.dead} dead letter(s)`);
    return verdict;
}
function tally(values) {
    const out = new Map();
    for (const v of values)
        out.set(v, (out.get(v) ?? 0) + 1);
    return out;
}
//# sourceMappingURL=verifyTrial.js.map