/**
 * The critical roles a node serves (control-api, update-store, update-cache,
 * relay), which the planner updates one at a time and last. Inferred from the
 * node's own `role` (control → control-api, relay → relay) and from the
 * workloads it hosts: a listener's `edge_role: control-api`, a workload
 * labelled `service:` with one of the four role names, and a listener's
 * `edge_role: artifact-delivery` (update-cache, unless the service label says
 * update-store). In CRITICAL_ROLES order, without duplicates. Pure.
 */
import { CRITICAL_ROLES, type CriticalRole } from './rolloutTypes.js';

export interface HostedWorkload {
  /** The node it runs on today. */
  host?: string;
  listeners?: ReadonlyArray<{ edge_role?: string | null }>;
  labels?: Record<string, unknown>;
}

const FROM_NODE_ROLE: Readonly<Record<string, CriticalRole>> = { control: 'control-api', relay: 'relay' };

export function servedRoles(node: { id: string; role?: string }, workloads: readonly HostedWorkload[]): CriticalRole[] {
  const out = new Set<CriticalRole>();
  const fromRole = node.role === undefined ? undefined : FROM_NODE_ROLE[node.role];
  if (fromRole) out.add(fromRole);
  for (const w of workloads) {
    if (w.host !== node.id) continue;
    const service = w.labels?.service;
    const named = typeof service === 'string' && (CRITICAL_ROLES as readonly string[]).includes(service) ? (service as CriticalRole) : null;
    if (named) out.add(named);
    for (const l of w.listeners ?? []) {
      if (l.edge_role === 'control-api') out.add('control-api');
      if (l.edge_role === 'artifact-delivery' && named !== 'update-store') out.add(named === null || named === 'relay' || named === 'control-api' ? 'update-cache' : named);
    }
  }
  return CRITICAL_ROLES.filter((r) => out.has(r));
}
