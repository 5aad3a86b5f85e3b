/**
 * Findings: counts by severity, then each finding with its code, where it is (file:line:col) and
 * its message, errors first, a page at a time. Takes `[{code, severity, file, line, column, message}]` (reconcile --format json's findings)
 * or `{items: [...]}` (status --format json, which names a record instead of a file).
 */
import { escapeHtml } from './escapeHtml.js';
import { pageOf } from './pageOf.js';
import type { HubView } from './pageTypes.js';

interface Finding { code: string; severity?: string; file?: string | null; line?: number | null; column?: number | null; record?: string; message?: string; hint?: string; pending?: boolean }

const RANK: Record<string, number> = { error: 0, warning: 1, info: 2 };

function where(f: Finding): string {
  if (f.file) return `${f.file}${f.line ? `:${f.line}${f.column ? `:${f.column}` : ''}` : ''}`;
  return f.record ?? '';
}

export function renderFindingsSection(data: unknown, view: HubView): string | null {
  const raw = Array.isArray(data) ? data : typeof data === 'object' && data !== null ? (data as { items?: unknown }).items : null;
  if (!Array.isArray(raw) || !raw.every((f) => typeof f === 'object' && f !== null && typeof (f as Finding).code === 'string')) return null;
  if (raw.length === 0) return '<p class="result ok">✔ No findings.</p>';
  const findings = [...(raw as Finding[])].sort((a, b) => (RANK[a.severity ?? ''] ?? 3) - (RANK[b.severity ?? ''] ?? 3));
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.severity ?? 'other', (counts.get(f.severity ?? 'other') ?? 0) + 1);
  const { items, nav } = pageOf(findings, view, 'findings', 25);
  const rows = items.map((f) => `<tr class="sev-${escapeHtml(f.severity ?? 'other')}"><td><span class="sev">${f.severity === 'error' ? '✘' : f.severity === 'warning' ? '!' : 'i'} ${escapeHtml(f.severity ?? '')}</span> <code>${escapeHtml(f.code)}</code></td><td><code class="where">${escapeHtml(where(f))}</code></td><td>${escapeHtml(f.message ?? '')}${f.hint ? `<br><span class="hint">${escapeHtml(f.hint)}</span>` : ''}</td></tr>`);
  return `<ul class="chips" aria-label="findings by severity">${[...counts].map(([s, n]) => `<li class="sev-${escapeHtml(s)}">${escapeHtml(s)} <span class="n">${n}</span></li>`).join('')}</ul><div class="scroll"><table class="stack"><thead><tr><th scope="col">Finding</th><th scope="col">Where</th><th scope="col">Message</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>${nav}`;
}
