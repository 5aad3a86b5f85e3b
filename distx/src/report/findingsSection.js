/**
 * The findings of one evaluation as `reconcile` and `status` print them:
 * errors first, at most `max` listed (the JSON output has them all), then the
 * count of each code, so no finding goes uncounted, and the totals. Pure.
 */
import { compareFindings } from '../records/finding.js';
import { renderFindingList } from './renderFindingList.js';
export function findingsSection(findings, options, style) {
    const out = renderFindingList(findings.map(asFinding).sort(errorsFirst), options, style);
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.length - errors;
    for (const severity of ['error', 'warning']) {
        const byCode = new Map();
        for (const f of findings)
            if (f.severity === severity)
                byCode.set(f.code, (byCode.get(f.code) ?? 0) + 1);
        if (byCode.size === 0)
            continue;
        if (severity === 'error' || errors === 0)
            out.push('');
        out.push(`  ${severity}s by code: ${[...byCode].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, n]) => `${code} ${n}`).join(', ')}`);
    }
    const total = `${errors} error(s), ${warnings} warning(s)`;
    out.push('', errors > 0 ? style.red(total) : warnings > 0 ? style.yellow(total) : style.green(`ok: ${total}`));
    return out;
}
const errorsFirst = (a, b) => (a.severity === b.severity ? compareFindings(a, b) : a.severity === 'error' ? -1 : 1);
/** Findings without a file (none today) are shown at their record. */
function asFinding(f) {
    return { file: f.file ?? f.record, line: f.line ?? 1, col: f.column ?? 1, severity: f.severity, code: f.code, message: f.message, hint: f.hint };
}
//# sourceMappingURL=findingsSection.js.map