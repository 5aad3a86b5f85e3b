/**
 * The board's Rollouts section: per update intent, its state and control,
 * progress by area (how many targeted nodes are in each journal state), the
 * next wave, why it is halted, and why the nodes still to do wait. Pure.
 */
import type { BoardSectionData } from '../reconcile/boardInput.js';
import { markdownCell } from './markdownCell.js';
import { JOURNAL_ORDER, nextWaveText, rolloutStopped } from './rolloutWords.js';

export function rolloutsSection(data: Extract<BoardSectionData, { kind: 'rollouts' }>): string {
  const out = ['## Rollouts', '', 'Leases and the update journal per update intent (status/rollouts/, agents report in status/agents/). See docs/rollout.md.'];
  if (data.rollouts.length === 0) out.push('', '(no update intents)');
  for (const r of data.rollouts) {
    const state = rolloutStopped(r.state) ? `**${r.state}**` : r.state;
    out.push('', `### ${markdownCell(r.intent)}${r.version !== null ? ` (version ${r.version})` : ''}: ${state}`, '');
    out.push(`Control: operator ${r.control.operator}, signed ${r.control.signed}; epoch ${r.epoch}.`);
    if (r.halted) out.push('', `**Halted** (\`${r.halted.code}\`): ${markdownCell(r.halted.message)}`);
    out.push('', `Next wave: ${nextWaveText(r, markdownCell)}.`);
    if (r.waits.length > 0) out.push('', `Waiting: ${r.waits.map((w) => `${w.nodes} \`${w.code}\``).join(', ')}.`);
    const states = JOURNAL_ORDER.filter((s) => r.areas.some((a) => (a.states[s] ?? 0) > 0));
    if (r.areas.length > 0) {
      out.push('', `| area | nodes | ${states.join(' | ')} |`, `| --- | --- |${states.map(() => ' --- |').join('')}`);
      for (const a of r.areas) out.push(`| ${markdownCell(a.area)} | ${a.nodes} | ${states.map((s) => a.states[s] ?? 0).join(' | ')} |`);
    }
  }
  return out.join('\n');
}
