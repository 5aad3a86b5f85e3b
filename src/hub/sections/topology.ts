/** Section `topology`: the nodes (id, mode, area, site, role) and the tunnels as edges along their via path (from its first node to its last), critical ones marked. */
import type { HubInput } from '../hubInput.js';

export interface HubTopology {
  nodes: Array<{ id: string; mode: string; area: string | null; site: string | null; role: string }>;
  edges: Array<{ workload: string; from: string; to: string; via: string[]; critical: boolean }>;
}

export function topology(input: HubInput): HubTopology {
  const { run } = input;
  return {
    nodes: run.nodes.map((n) => ({ id: n.id, mode: run.states.get(n.id)?.mode ?? 'UNKNOWN', area: n.area, site: n.site, role: n.role })),
    edges: run.workloads.filter((w) => w.via.length >= 2).map((w) => ({ workload: w.id, from: w.via[0]!, to: w.via[w.via.length - 1]!, via: w.via, critical: w.critical })),
  };
}
