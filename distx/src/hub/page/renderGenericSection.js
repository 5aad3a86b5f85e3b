/**
 * A section the page has no renderer for (a new kind of record): a list of objects as a table of
 * their scalar fields, an object as a key/value table, anything else as text. Long lists are paged.
 */
import { escapeHtml } from './escapeHtml.js';
import { pageOf } from './pageOf.js';
const MAX_COLUMNS = 8;
function cell(v) {
    if (v === null || v === undefined)
        return '<span class="none">—</span>';
    if (Array.isArray(v))
        return escapeHtml(v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(', '));
    return escapeHtml(v);
}
export function renderGenericSection(name, data, view) {
    if (Array.isArray(data)) {
        if (data.length === 0)
            return '<p class="none">Nothing here.</p>';
        const rows = data.filter((r) => typeof r === 'object' && r !== null && !Array.isArray(r));
        if (rows.length !== data.length)
            return `<ul>${data.map((v) => `<li>${cell(v)}</li>`).join('')}</ul>`;
        const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))].slice(0, MAX_COLUMNS);
        const { items, nav } = pageOf(rows, view, name, 50);
        const head = columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('');
        const body = items.map((r) => `<tr>${columns.map((c) => `<td>${cell(r[c])}</td>`).join('')}</tr>`).join('');
        return `<div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>${nav}`;
    }
    if (typeof data === 'object' && data !== null) {
        const entries = Object.entries(data);
        if (entries.length === 0)
            return '<p class="none">Nothing here.</p>';
        return `<div class="scroll"><table class="kv"><tbody>${entries.map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${cell(v)}</td></tr>`).join('')}</tbody></table></div>`;
    }
    return `<p>${cell(data)}</p>`;
}
//# sourceMappingURL=renderGenericSection.js.map