/**
 * Intents: the root of trust's verdict, then each update intent, whether it is trusted, by whom,
 * and why not. Takes `{trust, intents: [{id, kind, version, strategy, signers, trusted, reason, why}]}` or the list.
 */
import { escapeHtml } from './escapeHtml.js';
import { pendingMark } from './pendingMark.js';
export function renderIntentsSection(section) {
    const wrapped = typeof section === 'object' && section !== null && !Array.isArray(section);
    const data = wrapped ? section.intents : section;
    const trust = wrapped ? (section.trust ?? null) : null;
    const root = trust === null ? '' : `<p>Root of trust: ${trust.ok ? `<span class="result ok">✔ trusted</span>${trust.version !== null && trust.version !== undefined ? ` (version ${trust.version})` : ''}` : `<span class="result bad">✘ refused</span> ${escapeHtml(trust.refusal ?? '')}`}</p>`;
    if (!Array.isArray(data) || !data.every((i) => typeof i === 'object' && i !== null && typeof i.id === 'string'))
        return null;
    if (data.length === 0)
        return `${root}<p class="none">No intents.</p>`;
    const rows = data.map((i) => `<tr><th scope="row">${escapeHtml(i.id)}${pendingMark(i.pending)}</th><td>${i.trusted ? '<span class="result ok">✔ trusted</span>' : '<span class="result bad">✘ not trusted</span>'}</td><td>${escapeHtml((i.signers ?? []).join(', '))}</td><td>${escapeHtml([i.kind, i.version !== null && i.version !== undefined ? `v${i.version}` : '', i.strategy].filter(Boolean).join(' · '))}</td><td>${escapeHtml(i.why && i.why.length ? i.why.join('; ') : (i.reason ?? ''))}</td></tr>`);
    return `${root}<div class="scroll"><table><thead><tr><th scope="col">Intent</th><th scope="col">Trust</th><th scope="col">Signers</th><th scope="col">Update</th><th scope="col">Why</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}
//# sourceMappingURL=renderIntentsSection.js.map