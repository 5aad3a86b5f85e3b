/**
 * The words a rollout row (RolloutRow) is shown in, wherever it is shown: the
 * board's Rollouts section (Markdown) and the hub's page (HTML) say the same
 * of it. Pure; `cell` escapes a node id for the medium.
 */
import type { RolloutRow } from '../reconcile/boardInput.js';

/** The journal states in the order a rollout moves a node through them (then the ways out). */
export const JOURNAL_ORDER = ['healthy', 'applying', 'staged', 'leased', 'blocked', 'not started', 'rolled_back', 'aborted'];

/** Nodes named in the next wave; the rest are counted. */
const SHOWN = 10;

/** A state that needs someone: the rollout stopped (halted, aborted) or never may start (refused). */
export function rolloutStopped(state: string): boolean {
  return state === 'halted' || state === 'refused' || state === 'aborted';
}

/** "home-1, home-2 and 3 more (planned; ...)", or "none". */
export function nextWaveText(r: Pick<RolloutRow, 'next' | 'unsigned'>, cell: (id: string) => string = (id) => id): string {
  if (r.next.length === 0) return 'none';
  return `${r.next.slice(0, SHOWN).map(cell).join(', ')}${r.next.length > SHOWN ? ` and ${r.next.length - SHOWN} more` : ''}${r.unsigned ? ' (planned; not issued without the orchestrator key)' : ''}`;
}
