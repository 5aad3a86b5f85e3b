import { formatFinding } from './formatFinding.js';
import { PLAIN } from './style.js';
export function formatFindings(findings, style = PLAIN) {
    const hinted = new Set();
    return findings.map((f) => {
        const first = f.hint !== undefined && !hinted.has(f.hint);
        if (f.hint !== undefined)
            hinted.add(f.hint);
        return formatFinding(first ? f : { ...f, hint: undefined }, style);
    });
}
//# sourceMappingURL=formatFindings.js.map