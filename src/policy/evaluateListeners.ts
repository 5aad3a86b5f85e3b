/**
 * Edge listeners (reference 001, P4 and hard acceptance criterion 6): TCP may appear
 * only in classified service-edge roles — external-ingress, control-api,
 * artifact-delivery, compat-recovery — never as hidden inter-node transport, which is
 * QUIC over UDP only. A listener over TCP (`tcp`, and `http` / `https`, which ride on
 * it) with no `edge_role`, or with `edge_role: internal`, is an `unclassified-listener`
 * warning pointing at `/listeners/<i>`. The registry cannot tell a listener that only
 * its own host uses from one other nodes reach, so every internal TCP listener is
 * flagged: classify it, move it onto the fabric (QUIC), or retire it. Listeners of
 * retired workloads are not live and are skipped. Pure.
 */
import type { PolicyWorkload } from './policyData.js';
import type { Unlocated } from '../records/finding.js';

export const TCP_PROTOCOLS: readonly string[] = ['tcp', 'http', 'https'];
export const TCP_EDGE_ROLES: readonly string[] = ['external-ingress', 'control-api', 'artifact-delivery', 'compat-recovery'];

export function evaluateListeners(workloads: readonly PolicyWorkload[]): Unlocated[] {
  const findings: Unlocated[] = [];
  for (const w of workloads) {
    if (w.stage === 'retired') continue;
    (w.listeners ?? []).forEach((l, i) => {
      if (!TCP_PROTOCOLS.includes(l.protocol)) return;
      if (l.edge_role !== undefined && TCP_EDGE_ROLES.includes(l.edge_role)) return;
      const role = l.edge_role === undefined ? 'has no edge_role' : `has edge_role ${l.edge_role}`;
      findings.push({
        code: 'unclassified-listener',
        severity: 'warning',
        kind: 'workload', id: w.id,
        message: `${w.id} listens on ${l.port}/${l.protocol} on ${w.host ?? '(no host)'} and ${role}: a TCP listener must be a service edge (${TCP_EDGE_ROLES.join(', ')}); inter-node transport is QUIC/UDP only`,
        file: w.file,
        pointer: `/listeners/${i}`,
      });
    });
  }
  return findings;
}
