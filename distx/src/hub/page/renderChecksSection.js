/**
 * Checks: how many pass and fail, failing checks first, each failing one with its failing rows
 * (at most MAX_ROWS of them shown). Takes `[{id, ok, failing_rows}]` or the `check --format json`
 * items (`status`, `rows`).
 */
import { escapeHtml } from './escapeHtml.js';
import { pageOf } from './pageOf.js';
const MAX_ROWS = 10;
function passed(c) {
    return c.ok ?? c.status === 'pass';
}
function rowsTable(rows) {
    const objects = rows.slice(0, MAX_ROWS).map((r) => (typeof r === 'object' && r !== null ? r : { value: r }));
    const cols = [...new Set(objects.flatMap((r) => Object.keys(r)))].slice(0, 6);
    const more = rows.length > MAX_ROWS ? `<p class="note">… and ${rows.length - MAX_ROWS} more rows (fleethub check --format json).</p>` : '';
    return `<table class="rows"><thead><tr>${cols.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>${objects.map((r) => `<tr>${cols.map((c) => `<td>${escapeHtml(r[c])}</td>`).join('')}</tr>`).join('')}</tbody></table>${more}`;
}
export function renderChecksSection(data, view) {
    const raw = Array.isArray(data) ? data : typeof data === 'object' && data !== null ? data.checks : null;
    if (!Array.isArray(raw) || !raw.every((c) => typeof c === 'object' && c !== null && typeof c.id === 'string'))
        return null;
    const checks = [...raw].sort((a, b) => Number(passed(a)) - Number(passed(b)));
    const failing = checks.filter((c) => !passed(c)).length;
    const { items, nav } = pageOf(checks, view, 'checks', 15);
    const rows = items.map((c) => {
        const ok = passed(c);
        const failingRows = c.failing_rows ?? c.rows ?? [];
        const rowsCell = ok || failingRows.length === 0 ? escapeHtml(c.message ?? '') : `<details><summary>${failingRows.length} failing row${failingRows.length === 1 ? '' : 's'}</summary>${rowsTable(failingRows)}</details>`;
        return `<tr class="${ok ? 'pass' : 'fail'}"><th scope="row">${escapeHtml(c.id)}${c.title ? `<br><span class="title">${escapeHtml(c.title)}</span>` : ''}</th><td><span class="result ${ok ? 'ok' : 'bad'}">${ok ? '✔ pass' : '✘ fail'}</span></td><td>${escapeHtml(c.severity ?? '')}</td><td>${rowsCell}</td></tr>`;
    });
    return `<p><span class="result ok">✔ ${checks.length - failing} pass</span> <span class="result bad">✘ ${failing} fail</span></p><div class="scroll"><table class="stack"><thead><tr><th scope="col">Check</th><th scope="col">Result</th><th scope="col">Severity</th><th scope="col">Failing rows</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>${nav}`;
}
//# sourceMappingURL=renderChecksSection.js.map