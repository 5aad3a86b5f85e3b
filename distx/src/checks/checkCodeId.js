/**
 * Identifies the code that turns a check into a result (the runner, the child
 * process, the expectation, the row cap): part of the key a reused check
 * result is stored under, so a changed runner never serves an old result. I/O
 * (reads these modules' own files, once).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { MAX_ROWS } from './runChecks.js';
let id = null;
export function checkCodeId() {
    if (id === null) {
        const h = createHash('sha256').update(`max_rows ${MAX_ROWS}\0`);
        for (const f of ['./runChecks.js', './startCheckProcess.js', './checkWorker.js', './evaluateExpectation.js', './checkReusable.js'])
            h.update(readFileSync(new URL(f, import.meta.url)));
        id = h.digest('hex');
    }
    return id;
}
//# sourceMappingURL=checkCodeId.js.map