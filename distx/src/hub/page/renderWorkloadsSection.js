/**
 * Service distribution: workloads by stage and by kind, and per host how many it runs and whether
 * the host can carry them (its mode). Takes `{byStage, list: [{id, kind, stage, host, host_mode,
 * usable}]}` (status --format json) or the list alone. The host table keeps the busiest hosts.
 */
import { escapeHtml } from './escapeHtml.js';
import { modeBadge } from './modeBadge.js';
import { pageOf } from './pageOf.js';
import { pendingMark } from './pendingMark.js';
function tally(items, key) {
    const m = new Map();
    for (const w of items)
        m.set(key(w), (m.get(key(w)) ?? 0) + 1);
    return [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}
export function renderWorkloadsSection(data, view) {
    const raw = Array.isArray(data) ? data : typeof data === 'object' && data !== null ? data.list : null;
    if (!Array.isArray(raw) || !raw.every((w) => typeof w === 'object' && w !== null && typeof w.id === 'string'))
        return null;
    const list = raw;
    const stages = tally(list, (w) => w.stage ?? '(none)');
    const kinds = tally(list, (w) => w.kind ?? '(none)');
    const chips = (pairs, label) => `<ul class="chips" aria-label="${label}">${pairs.map(([k, n]) => `<li>${escapeHtml(k)} <span class="n">${n}</span></li>`).join('')}</ul>`;
    const hosts = new Map();
    for (const w of list) {
        const h = w.host ?? '(no host)';
        if (!hosts.has(h))
            hosts.set(h, []);
        hosts.get(h).push(w);
    }
    const sorted = [...hosts].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
    const { items, nav } = pageOf(sorted, view, 'workloads', 15);
    const rows = items.map(([host, ws]) => {
        const unusable = host === '(no host)' ? 0 : ws.filter((w) => w.usable === false).length;
        const names = ws.slice(0, 6).map((w) => `${escapeHtml(w.id)}${pendingMark(w.pending)}`).join(', ') + (ws.length > 6 ? `, … ${ws.length - 6} more` : '');
        return `<tr><th scope="row">${escapeHtml(host)}</th><td>${ws[0]?.host_mode ? modeBadge(ws[0].host_mode) : ''}</td><td>${ws.length}</td><td>${unusable ? `<strong class="bad">${unusable} on an unusable host</strong>` : ''}</td><td class="reason">${names}</td></tr>`;
    });
    return `<p>${list.length} workloads by stage:</p>${chips(stages, 'by stage')}<p>by kind:</p>${chips(kinds, 'by kind')}<div class="scroll"><table><caption>Workloads per host (${hosts.size} hosts)</caption><thead><tr><th scope="col">Host</th><th scope="col">Mode</th><th scope="col">Workloads</th><th scope="col">Problems</th><th scope="col">Names</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>${nav}`;
}
//# sourceMappingURL=renderWorkloadsSection.js.map