/** Section `nodes`: every node as declared and as observed (mode, since, last verified, stale, why), where it sits, the addresses it is probed at and the workloads it hosts. */
import { readProbeTargets } from '../../observe/readProbeTargets.js';
import { reconcileView } from './reconcileView.js';
import type { HubInput } from '../hubInput.js';

export interface HubNode {
  id: string;
  title: string;
  declared: 'enabled' | 'disabled' | 'planned';
  mode: string;
  since: string | null;
  last_verified: string | null;
  stale: { observed_at: string; age_s: number } | null;
  reasons: string[];
  role: string;
  target_role: string | null;
  area: string | null;
  site: string | null;
  /** The probe targets (host:port or URL), in declared order. */
  addresses: string[];
  /** Ids of the workloads whose host is this node. */
  services: string[];
  /** An outbox event not relayed yet sets this node's entry in status/modes.json. */
  pending?: true;
}

export function nodes(input: HubInput): HubNode[] {
  const { run } = input;
  const json = new Map(reconcileView(run).nodes.map((n) => [n.id, n] as const));
  const addresses = new Map<string, string[]>();
  for (const p of readProbeTargets(run.db)) {
    const list = addresses.get(p.node);
    if (list) list.push(p.target);
    else addresses.set(p.node, [p.target]);
  }
  const services = new Map<string, string[]>();
  for (const w of run.workloads) if (w.host) services.set(w.host, [...(services.get(w.host) ?? []), w.id]);
  const pending = new Set(input.outbox.pending.flatMap((e) => (e.type === 'status.modes' ? [...Object.keys(e.payload.nodes), ...(e.payload.remove ?? [])] : [])));
  return run.nodes.map((n) => {
    const j = json.get(n.id)!;
    // From the last recorded observation (the cache keeps it), not only this run's: an offline evaluation after a probing one shows the same node
    // (status/modes.json keeps a last-verified time that moved by less than the refresh interval as it was).
    const o = run.lastObservations.get(n.id);
    const verified = o?.ok && n.enabled && !n.planned && (j.last_verified === null || o.at > j.last_verified) ? o.at : j.last_verified;
    const state = run.states.get(n.id)!;
    const failed = (o?.results ?? []).filter((r) => !r.ok).map((r) => `${r.type} ${r.target}: ${r.error ?? 'failed'}`);
    const reasons = n.enabled && !n.planned ? [state.reason, ...failed.filter((f) => !state.reason.includes(f))] : [state.reason];
    return {
      id: n.id,
      title: n.title,
      declared: j.declared,
      mode: j.mode,
      since: j.since,
      last_verified: verified,
      stale: j.stale,
      reasons,
      role: n.role,
      target_role: n.target_role,
      area: n.area,
      site: n.site,
      addresses: addresses.get(n.id) ?? [],
      services: services.get(n.id) ?? [],
      ...(pending.has(n.id) ? { pending: true as const } : {}),
    };
  });
}
