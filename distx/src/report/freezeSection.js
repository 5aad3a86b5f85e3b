/**
 * The board's Freeze section: per frozen host, its date and reason, the
 * violations, the grandfathered legacy workloads and the exceptions. It names
 * no commit and no date that history alone knows for an inventory placement,
 * so a fleet whose every placement the inventory and the exceptions decide
 * reads the same with and without Git history.
 */
import { historyAdvice } from '../policy/evaluateFreeze.js';
import { markdownCell as cell } from './markdownCell.js';
export function freezeSection(data) {
    return renderFreeze(data.hosts.map((h) => hostSection(h.entry, h.results)), data.missing);
}
/** `missing`: history was unavailable and some placement needed it (the fallback rules decided). */
function renderFreeze(hostSections, missing) {
    // No commit id or count here: the board is committed back, and must not change with every commit.
    const basis = "No new placements on a frozen host. The workloads in a freeze's legacy inventory were on the host when the freeze began and are grandfathered; " +
        'every other placement is dated from Git history: it counts from the first commit of its current run, so a workload that moved away and came back counts from its return.';
    const note = missing
        ? [
            '',
            `**Git history is unavailable** (${missing.reason}): placements outside the legacy inventory cannot be told new from old; the fallback rule applies (without_history: ${[...new Set(missing.rules)].join(', ')}). To decide from history, ${cell(historyAdvice(missing.reason))}.`,
        ]
        : [];
    return ['## Freeze', '', basis, ...note, '', hostSections.join('\n\n')].join('\n');
}
function hostSection(entry, results) {
    const of = (code) => results.filter((r) => r.code === code);
    const violations = of('freeze-violation');
    const legacy = of('freeze-grandfathered');
    const excepted = of('freeze-exception');
    const placed = new Set(excepted.map((r) => r.workload));
    const notPlaced = (entry.exceptions ?? []).filter((w) => !placed.has(w));
    const onHost = new Set(results.filter((r) => r.pointer === '/host').map((r) => r.workload));
    const drained = (entry.legacy ?? []).filter((w) => !onHost.has(w));
    const row = (r) => [cell(r.workload), cell(r.pointer.slice(1)), cell(seen(r))];
    const table = (title, list) => list.length === 0
        ? [`${title}: none.`]
        : [`${title}: ${list.length}`, '', '| Workload | Field | First seen |', '| --- | --- | --- |', ...list.map((r) => `| ${row(r).join(' | ')} |`)];
    return [
        `### ${cell(entry.host)} — frozen since ${cell(entry.since)}`,
        '',
        ...(entry.reason ? [cell(entry.reason.trim()), ''] : []),
        ...table('**Violations** (placed after the freeze)', violations),
        '',
        ...table('Grandfathered legacy (placed before the freeze)', legacy),
        '',
        ...table('Exceptions', excepted),
        ...(notPlaced.length > 0 ? ['', `Exceptions not placed on ${cell(entry.host)}: ${notPlaced.map(cell).join(', ')}.`] : []),
        ...(drained.length > 0 ? ['', `Legacy inventory no longer on ${cell(entry.host)} (drained): ${drained.map(cell).join(', ')}.`] : []),
    ].join('\n');
}
function seen(r) {
    if (r.basis === 'inventory')
        return 'before the freeze (legacy inventory)';
    if (r.basis === 'no-history')
        return 'unknown (no history)';
    if (r.basis === 'uncommitted')
        return 'not committed yet';
    return r.firstSeen ? r.firstSeen.slice(0, 10) : '—';
}
//# sourceMappingURL=freezeSection.js.map