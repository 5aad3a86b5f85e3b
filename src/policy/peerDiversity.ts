/**
 * Peer diversity of one node (reference 001, P3 "stability by area and ingress"),
 * from the peers it reports in its status document. Only ready peers count; each
 * peer id once; the node itself never. A peer's area and NAT group are taken from
 * the registry when the peer is a known node (files are the source of truth), else
 * from what the node reported. Metrics:
 * - direct_ready_count: ready peers reached directly;
 * - relay_ready_count: ready peers reached through a relay (not reported direct);
 * - external_area_ready_count: ready peers reached directly in an area other than
 *   the node's — the "cross-area direct resilience" of acceptance criterion 5
 *   (relayed ones count in recovery_path_count);
 * - independent_ingress_ready_count: distinct NAT groups, other than the node's own,
 *   behind which a ready peer sits (independent public ingress dependencies);
 * - recovery_path_count: ready peers outside the local area, direct or relayed.
 * A node whose own area (NAT group) is unknown has no external area (ingress) peers:
 * nothing proves the peer is elsewhere. Pure.
 */
import type { PeerReport } from '../observe/observation.js';

export interface PeerDiversityRow {
  node: string;
  direct_ready_count: number;
  relay_ready_count: number;
  external_area_ready_count: number;
  independent_ingress_ready_count: number;
  recovery_path_count: number;
  /** ISO time of the observation the peers come from. */
  observed_at: string;
}

export interface PeerTopology {
  area?: string;
  nat_group?: string;
}

export function peerDiversity(node: string, self: PeerTopology, peers: readonly PeerReport[], known: ReadonlyMap<string, PeerTopology>, observedAt: string): PeerDiversityRow {
  const seen = new Set<string>();
  const ready = peers.filter((p) => {
    if (p.ready !== true || p.id === node || seen.has(p.id)) return false;
    seen.add(p.id);
    return true;
  });
  const topo = (p: PeerReport): PeerTopology => ({ area: known.get(p.id)?.area ?? p.area, nat_group: known.get(p.id)?.nat_group ?? p.nat_group });
  const elsewhere = (p: PeerReport): boolean => self.area !== undefined && topo(p).area !== undefined && topo(p).area !== self.area;
  const direct = ready.filter((p) => p.direct === true);
  const ingress = new Set(ready.map((p) => topo(p).nat_group).filter((g): g is string => g !== undefined && self.nat_group !== undefined && g !== self.nat_group));
  return {
    node,
    direct_ready_count: direct.length,
    relay_ready_count: ready.length - direct.length,
    external_area_ready_count: direct.filter(elsewhere).length,
    independent_ingress_ready_count: ingress.size,
    recovery_path_count: ready.filter(elsewhere).length,
    observed_at: observedAt,
  };
}
