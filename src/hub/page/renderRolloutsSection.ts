/**
 * Rollouts: each update intent's rollout as the section `rollouts` gives it
 * (RolloutRow: the board's Rollouts section): its state and control, progress
 * (the targeted nodes healthy, out of all, with the count in each other
 * journal state), the next wave, why it is halted and why nodes wait.
 */
import type { RolloutRow } from '../../reconcile/boardInput.js';
import { JOURNAL_ORDER, nextWaveText, rolloutStopped } from '../../report/rolloutWords.js';
import { escapeHtml } from './escapeHtml.js';
import { pendingMark } from './pendingMark.js';

type Rollout = RolloutRow & { pending?: boolean };

export function renderRolloutsSection(data: unknown): string | null {
  if (!Array.isArray(data) || !data.every(isRollout)) return null;
  if (data.length === 0) return '<p class="none">No update intents.</p>';
  const rows = data.map((r) => {
    const total = r.areas.reduce((n, a) => n + a.nodes, 0);
    const counts = new Map<string, number>();
    for (const a of r.areas) for (const [s, n] of Object.entries(a.states)) counts.set(s, (counts.get(s) ?? 0) + n);
    const done = counts.get('healthy') ?? 0;
    const others = [...counts].filter(([s, n]) => s !== 'healthy' && n > 0).sort(([a], [b]) => rank(a) - rank(b)).map(([s, n]) => `${n} ${s}`);
    const why = [...(r.halted ? [`halted (${r.halted.code}): ${r.halted.message}`] : []), ...(r.waits.length > 0 ? [`waiting: ${r.waits.map((w) => `${w.nodes} ${w.code}`).join(', ')}`] : [])].join('; ');
    return (
      `<tr><th scope="row">${escapeHtml(r.intent)}${r.version !== null ? ` <span class="muted">v${r.version}</span>` : ''}${pendingMark(r.pending)}</th>` +
      `<td>${rolloutStopped(r.state) ? `<span class="result bad">${escapeHtml(r.state)}</span>` : escapeHtml(r.state)}<br><span class="muted">operator ${escapeHtml(r.control.operator)}, signed ${escapeHtml(r.control.signed)}; epoch ${r.epoch}</span></td>` +
      `<td><progress max="${Math.max(total, 1)}" value="${done}" aria-label="${escapeHtml(r.intent)}: ${done} of ${total} healthy">${done}/${total}</progress> ${done}/${total} healthy${others.length > 0 ? `<br><span class="muted">${escapeHtml(others.join(', '))}</span>` : ''}</td>` +
      `<td>${escapeHtml(nextWaveText(r))}</td><td>${escapeHtml(why)}</td></tr>`
    );
  });
  return `<div class="scroll"><table><thead><tr><th scope="col">Rollout</th><th scope="col">State</th><th scope="col">Progress</th><th scope="col">Next wave</th><th scope="col">Why</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function rank(state: string): number {
  const i = JOURNAL_ORDER.indexOf(state);
  return i === -1 ? JOURNAL_ORDER.length : i;
}

function isRollout(r: unknown): r is Rollout {
  if (typeof r !== 'object' || r === null) return false;
  const o = r as Partial<RolloutRow>;
  return typeof o.intent === 'string' && typeof o.state === 'string' && Array.isArray(o.areas) && Array.isArray(o.next) && Array.isArray(o.waits) && typeof o.control === 'object' && o.control !== null;
}
