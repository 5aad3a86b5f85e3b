/** Intents: each signed intent, whether it is trusted, by whom, and why not. Takes `[{id, trusted, signers, reason}]`. */
import { escapeHtml } from './escapeHtml.js';
import { pendingMark } from './pendingMark.js';

interface Intent { id: string; trusted?: boolean; signers?: string[]; reason?: string | null; pending?: boolean }

export function renderIntentsSection(data: unknown): string | null {
  if (!Array.isArray(data) || !data.every((i) => typeof i === 'object' && i !== null && typeof (i as Intent).id === 'string')) return null;
  if (data.length === 0) return '<p class="none">No intents.</p>';
  const rows = (data as Intent[]).map((i) => `<tr><th scope="row">${escapeHtml(i.id)}${pendingMark(i.pending)}</th><td>${i.trusted ? '<span class="result ok">✔ trusted</span>' : '<span class="result bad">✘ not trusted</span>'}</td><td>${escapeHtml((i.signers ?? []).join(', '))}</td><td>${escapeHtml(i.reason ?? '')}</td></tr>`);
  return `<div class="scroll"><table><thead><tr><th scope="col">Intent</th><th scope="col">Trust</th><th scope="col">Signers</th><th scope="col">Reason</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}
