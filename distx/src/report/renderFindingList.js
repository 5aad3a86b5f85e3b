import { formatFindings } from './formatFindings.js';
import { PLAIN } from './style.js';
export function renderFindingList(findings, options, style = PLAIN) {
    if (findings.length === 0)
        return [style.green('  none')];
    const out = formatFindings(findings.slice(0, options.max), style).map((f) => f.replace(/^/gm, '  '));
    if (findings.length > options.max)
        out.push(style.dim(`  ... and ${findings.length - options.max} more (${options.more})`));
    return out;
}
//# sourceMappingURL=renderFindingList.js.map