/**
 * Rollouts: each intent's rollout with its progress (`{intent|id, state, done, total}` or
 * `progress: {done, total}`), its other fields in words. Empty until rollouts land.
 */
import { escapeHtml } from './escapeHtml.js';
import { pendingMark } from './pendingMark.js';
export function renderRolloutsSection(data) {
    if (!Array.isArray(data) || !data.every((r) => typeof r === 'object' && r !== null && typeof (r.intent ?? r.id) === 'string'))
        return null;
    if (data.length === 0)
        return '<p class="none">No rollouts yet.</p>';
    const rows = data.map((r) => {
        const done = r.progress?.done ?? r.done ?? 0;
        const total = r.progress?.total ?? r.total ?? 0;
        const name = String(r.intent ?? r.id);
        return `<tr><th scope="row">${escapeHtml(name)}${pendingMark(r.pending)}</th><td>${escapeHtml(r.state ?? r.status ?? '')}</td><td><progress max="${Math.max(total, 1)}" value="${Math.min(done, Math.max(total, 1))}" aria-label="${escapeHtml(name)} progress">${done}/${total}</progress> ${done}/${total}</td></tr>`;
    });
    return `<div class="scroll"><table><thead><tr><th scope="col">Rollout</th><th scope="col">State</th><th scope="col">Progress</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}
//# sourceMappingURL=renderRolloutsSection.js.map