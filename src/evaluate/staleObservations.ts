/**
 * Stale truth, labelled: each node's last observation older than the policy's
 * `stale_after` (default its refresh interval), with its age. Nodes never
 * observed are UNKNOWN, not stale. Pure: the clock comes in as `now`.
 */
export interface StaleObservation {
  node: string;
  observed_at: string;
  /** Whole seconds between the observation and `now`. */
  age_s: number;
}

export function staleObservations(last: ReadonlyMap<string, { at: string }>, nodes: ReadonlyArray<{ id: string; enabled: boolean; planned: boolean }>, now: string, staleAfterMs: number): StaleObservation[] {
  const out: StaleObservation[] = [];
  for (const n of nodes) {
    const o = last.get(n.id);
    if (!n.enabled || n.planned || !o) continue;
    const age = Date.parse(now) - Date.parse(o.at);
    if (age > staleAfterMs) out.push({ node: n.id, observed_at: o.at, age_s: Math.floor(age / 1000) });
  }
  return out;
}
