/**
 * The faults that reproduce the picture a fleet repository's `status/modes.json` records: every
 * node recorded DEGRADED starts `down` (its probes are refused), every other node healthy. So the
 * simulator started on a fresh clone agrees with the shipped status files, and a first
 * `fleethub reconcile --probe --write` changes nothing. A missing file means no recorded picture
 * (every node healthy); a file that exists but cannot be read as JSON is an error, never ignored.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
export const STATUS_MODES_FILE = 'status/modes.json';
export function faultsFromStatus(root) {
    const path = join(root, STATUS_MODES_FILE);
    let text;
    try {
        text = readFileSync(path, 'utf8');
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return new Map();
        throw new Error(`cannot read ${path}: ${e.message}`);
    }
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (e) {
        throw new Error(`${path} is not valid JSON (${e.message}); pass --healthy to ignore it`);
    }
    const nodes = doc?.nodes;
    const faults = new Map();
    if (nodes === null || typeof nodes !== 'object' || Array.isArray(nodes))
        return faults;
    for (const [id, state] of Object.entries(nodes)) {
        if (state?.mode === 'DEGRADED')
            faults.set(id, 'down');
    }
    return faults;
}
//# sourceMappingURL=faultsFromStatus.js.map