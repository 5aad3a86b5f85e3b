/**
 * Peer diversity against targets (reference 001, P3 "Done when": critical nodes
 * satisfy cross-area direct resilience targets, not merely raw peer counts). A node
 * is critical when it hosts a critical workload; only nodes with a measurement
 * (a status document with peers) are judged. One `peer-diversity-below-target`
 * warning per critical node, listing every metric under its target, pointing at
 * the node's file. Targets: policies/modes.yaml `peer_diversity`, defaults
 * DEFAULT_PEER_DIVERSITY_TARGETS. Pure.
 */
import type { PeerDiversityRow } from './peerDiversity.js';
import type { PeerDiversityTargets, PolicyNode } from './policyData.js';
import type { Unlocated } from '../records/finding.js';

export const DEFAULT_PEER_DIVERSITY_TARGETS: PeerDiversityTargets = { direct_ready: 2, external_area_ready: 1, independent_ingress_ready: 1, recovery_paths: 1 };

const METRICS: Array<[keyof PeerDiversityTargets, keyof PeerDiversityRow, string]> = [
  ['direct_ready', 'direct_ready_count', 'direct-ready peers'],
  ['external_area_ready', 'external_area_ready_count', 'direct-ready peers in another area'],
  ['independent_ingress_ready', 'independent_ingress_ready_count', 'independent NAT groups with a ready peer'],
  ['recovery_paths', 'recovery_path_count', 'recovery paths outside the local area'],
];

export function evaluatePeerDiversity(rows: readonly PeerDiversityRow[], critical: ReadonlySet<string>, targets: PeerDiversityTargets, nodes: ReadonlyMap<string, PolicyNode>): Unlocated[] {
  const findings: Unlocated[] = [];
  for (const row of rows) {
    const node = nodes.get(row.node);
    if (!node || !critical.has(row.node)) continue;
    const short = METRICS.filter(([t, m]) => (row[m] as number) < targets[t]).map(([t, m, label]) => `${label} ${row[m]} < ${targets[t]}`);
    if (short.length === 0) continue;
    findings.push({
      code: 'peer-diversity-below-target',
      severity: 'warning',
      kind: 'node', id: row.node,
      // No observation time in the message: it lands on the board, which changes only when the fleet does.
      message: `critical node ${row.node} is below its peer diversity targets: ${short.join('; ')}`,
      file: node.file,
      pointer: '',
    });
  }
  return findings;
}
