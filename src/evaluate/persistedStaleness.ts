/**
 * Stale observations judged from the persisted modes alone (status/modes.json),
 * so the board can show them and stay byte-steady: the board's observations are
 * "as of" the latest `observed_at` recorded for an observed node, and a node
 * whose own last observation is more than `stale_after` older than that is
 * stale, with its age relative to that time (not to a clock: the same states
 * give the same answer in the probing run that wrote them and in any later
 * offline run). DISABLED and PLANNED nodes are never probed, so never stale;
 * a node never observed has no time and is UNKNOWN, not stale. Pure.
 */
import type { ModeState } from './modeState.js';
import { staleObservations, type StaleObservation } from './staleObservations.js';

export interface PersistedStaleness {
  /** The latest observation time recorded (null: no node observed yet). */
  asOf: string | null;
  /** The stale nodes by id; `age_s` is relative to `asOf`. */
  stale: Map<string, StaleObservation>;
}

export function persistedStaleness(states: ReadonlyMap<string, ModeState>, staleAfterMs: number): PersistedStaleness {
  const last = new Map<string, { at: string }>();
  const nodes: Array<{ id: string; enabled: boolean; planned: boolean }> = [];
  let asOf: string | null = null;
  for (const [id, s] of states) {
    const probed = s.mode !== 'DISABLED' && s.mode !== 'PLANNED';
    nodes.push({ id, enabled: s.mode !== 'DISABLED', planned: s.mode === 'PLANNED' });
    if (!probed || s.observed_at === null || Number.isNaN(Date.parse(s.observed_at))) continue;
    last.set(id, { at: s.observed_at });
    if (asOf === null || Date.parse(s.observed_at) > Date.parse(asOf)) asOf = s.observed_at;
  }
  if (asOf === null) return { asOf, stale: new Map() };
  return { asOf, stale: new Map(staleObservations(last, nodes, asOf, staleAfterMs).map((o) => [o.node, o] as const)) };
}
