/**
 * The outbox: upstream online or offline (word and shape, not colour alone), the pending events
 * with what each changes, and the dead letters with their errors. Takes `{pending, dead,
 * last_error, upstream: {online, url}}`, and a button to relay now (POST /api/relay); `pending` and `dead` may be counts or lists of events
 * (`{id, type, summary|payload, error}`).
 */
import { escapeHtml } from './escapeHtml.js';
import { formatTime } from './formatTime.js';
import { renderUpstreamStatus } from './renderUpstreamStatus.js';
function events(v) {
    return Array.isArray(v) ? v.filter((e) => typeof e === 'object' && e !== null) : [];
}
function what(e) {
    const target = Array.isArray(e.target) ? e.target.join(', ') : e.target;
    const text = e.what ?? e.summary;
    if (text)
        return target && !text.includes(target) ? `${text} (${target})` : text;
    if (target)
        return target;
    const p = e.payload ?? {};
    if (typeof p.workplan === 'string')
        return `${p.action ?? ''} ${p.workplan}/${String(p.task ?? '')}${typeof p.note === 'string' ? ` — ${p.note}` : ''}`;
    return JSON.stringify(p).slice(0, 120);
}
export function renderOutboxSection(data) {
    if (typeof data !== 'object' || data === null || Array.isArray(data))
        return null;
    const d = data;
    const up = (d.upstream ?? {});
    const pendingList = events(Array.isArray(d.pending) ? d.pending : d.events);
    const deadList = events(Array.isArray(d.dead) ? d.dead : d.dead_letters);
    const lastError = d.last_error ?? d.lastError;
    const relay = '<form class="relay-now" id="relay-now" method="post" action="/api/relay"><button type="submit">Relay now</button> <output aria-live="polite"></output></form>';
    const next = typeof d.next_attempt_at === 'string' ? ` · next attempt ${formatTime(d.next_attempt_at)}` : '';
    const last = typeof d.last_success_at === 'string' ? ` · last relayed ${formatTime(d.last_success_at)}` : '';
    const parts = [`<p>${renderUpstreamStatus(d)}${up.url ? ` <code>${escapeHtml(up.url)}</code>` : ''}${last}${next}</p>${relay}`];
    if (typeof lastError === 'string' && lastError)
        parts.push(`<p class="bad">Last relay error: ${escapeHtml(lastError)}</p>`);
    const list = (items, caption) => `<div class="scroll"><table><caption>${caption}</caption><thead><tr><th scope="col">Event</th><th scope="col">Type</th><th scope="col">Changes</th><th scope="col">Error</th></tr></thead><tbody>${items.slice(0, 50).map((e) => `<tr><td>${escapeHtml(e.id ?? '')}</td><td>${escapeHtml(e.type ?? '')}</td><td>${escapeHtml(what(e))}</td><td>${escapeHtml(e.dead ? `${e.dead.code ?? ''}: ${e.dead.reason ?? ''}` : (e.error ?? e.last_error ?? ''))}</td></tr>`).join('')}</tbody></table></div>`;
    if (pendingList.length)
        parts.push(list(pendingList, `Pending (not relayed yet): ${pendingList.length}`));
    if (deadList.length)
        parts.push(list(deadList, `Dead letters: ${deadList.length}`));
    return parts.join('');
}
//# sourceMappingURL=renderOutboxSection.js.map