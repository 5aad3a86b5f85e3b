/**
 * The files a relay pass may read to plan the given events (what planRelay
 * and applyEvent look at), so they can be read from upstream's head in one
 * go before the pure planning starts.
 */
import { MODES_FILE } from '../evaluate/modesFile.js';
import { journalPath } from './journal.js';
export function relayReads(events) {
    const paths = new Set();
    for (const e of events) {
        paths.add(journalPath(e.writer));
        if (e.type === 'task.set')
            paths.add(e.payload.file).add(`workplans/${e.payload.workplan}.md`);
        else if (e.type === 'status.modes')
            paths.add(MODES_FILE);
        else if (e.type === 'status.file')
            paths.add(e.payload.path);
    }
    return paths;
}
//# sourceMappingURL=relayReads.js.map