/**
 * The part of the topology a change touched, for the pull request comment's
 * graph: the nodes whose records changed and the tunnels (workloads of kind
 * tunnel, drawn along their `via` path) whose records changed, with their
 * neighbours: every tunnel through a touched node, and every node on a
 * touched tunnel's path, in either revision. Sorted, so the graph is the
 * same bytes for the same change. Pure.
 */
import type { RecordChange } from '../diff/diffRecordVersions.js';
import type { RevisionEvaluation } from './evaluateRevision.js';

export interface TopologyNode {
  id: string;
  role: string | null;
  /** How its record changed; null for a neighbour that did not change. */
  change: RecordChange['change'] | null;
}

export interface TopologyTunnel {
  id: string;
  change: RecordChange['change'] | null;
  /** The path before and after (empty where the tunnel does not exist). */
  before: string[];
  after: string[];
}

export interface TopologyChange {
  nodes: TopologyNode[];
  tunnels: TopologyTunnel[];
}

type Side = Pick<RevisionEvaluation, 'roles' | 'tunnels'>;

export function changedTopology(records: readonly RecordChange[], before: Side, after: Side): TopologyChange {
  const nodeChange = new Map<string, RecordChange['change']>();
  const workloadChange = new Map<string, RecordChange['change']>();
  for (const r of records) {
    if (r.kind === 'node') {
      nodeChange.set(r.id, r.change);
      if (r.fromId) nodeChange.set(r.fromId, r.change);
    } else if (r.kind === 'workload') {
      workloadChange.set(r.id, r.change);
      if (r.fromId) workloadChange.set(r.fromId, r.change);
    }
  }
  const [viaBefore, viaAfter] = [before.tunnels, after.tunnels];
  const tunnelIds = [...new Set([...viaBefore.keys(), ...viaAfter.keys()])].sort();
  const pathOf = (id: string): string[] => [...(viaBefore.get(id) ?? []), ...(viaAfter.get(id) ?? [])];
  const tunnels = new Set(tunnelIds.filter((t) => workloadChange.has(t) || pathOf(t).some((n) => nodeChange.has(n))));
  const nodes = new Set([...nodeChange.keys(), ...[...tunnels].flatMap(pathOf)]);
  const role = new Map([...before.roles, ...after.roles]);
  return {
    nodes: [...nodes].sort().map((id) => ({ id, role: role.get(id) ?? null, change: nodeChange.get(id) ?? null })),
    tunnels: [...tunnels].sort().map((id) => ({ id, change: workloadChange.get(id) ?? null, before: viaBefore.get(id) ?? [], after: viaAfter.get(id) ?? [] })),
  };
}
