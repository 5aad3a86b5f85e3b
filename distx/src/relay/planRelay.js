import { applyEvent } from './applyEvent.js';
import { fileView } from './fileView.js';
import { journalIds, journalLine, journalPath } from './journal.js';
export function planRelay(events, read, options) {
    if (!(options.batchSize >= 1))
        throw new RangeError('planRelay: batchSize must be at least 1');
    const all = fileView(read);
    const seen = new Map();
    const landedIn = (e) => {
        if (!options.journal)
            return false;
        const path = journalPath(e.writer);
        if (!seen.has(path))
            seen.set(path, journalIds(read(path)));
        return seen.get(path).has(e.id);
    };
    const plan = { batches: [], landed: [], dead: [] };
    let batch = fileView(all.read);
    let members = [];
    let lines = new Map();
    const close = () => {
        if (members.length === 0)
            return;
        for (const [path, add] of lines)
            batch.write(path, (batch.read(path) ?? '') + add.join(''));
        for (const [path, text] of batch.changes)
            all.write(path, text);
        plan.batches.push({ events: members, changes: batch.changes });
        batch = fileView(all.read);
        members = [];
        lines = new Map();
    };
    for (const e of events) {
        if (landedIn(e)) {
            plan.landed.push(e.id);
            continue;
        }
        // One author per commit: a batch ends where the writer changes.
        if (members.length > 0 && members[0].writer.email !== e.writer.email)
            close();
        const outcome = applyEvent(batch, e);
        if (!outcome.ok) {
            plan.dead.push({ id: e.id, code: outcome.code, reason: outcome.reason });
            continue;
        }
        // A generated file's event that changes nothing (upstream has it already, or another reconcile superseded it) needs no commit: settled as landed.
        if (!outcome.changed && e.type !== 'task.set') {
            plan.landed.push(e.id);
            continue;
        }
        members.push(e);
        if (options.journal) {
            const path = journalPath(e.writer);
            if (!lines.has(path))
                lines.set(path, []);
            lines.get(path).push(journalLine(e));
        }
        if (members.length >= options.batchSize)
            close();
    }
    close();
    return plan;
}
//# sourceMappingURL=planRelay.js.map