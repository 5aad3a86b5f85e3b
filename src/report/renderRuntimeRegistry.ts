/**
 * status/runtime-registry.json: the workloads marked `advertise`, only where their host is a
 * node in mode ACTIVE — a runtime registry must never advertise what is unavailable, so
 * DEGRADED, UNKNOWN, DISABLED and PLANNED hosts (and hosts not in the registry) are left
 * out. Pure and deterministic: services by id, listeners by port, 2-space JSON, trailing newline.
 */
import type { BoardInput } from '../reconcile/boardInput.js';
import { sortedBoardInput } from './sortedBoardInput.js';

export function renderRuntimeRegistry(input: BoardInput): string {
  const { nodes, workloads } = sortedBoardInput(input);
  const active = new Set(nodes.filter((n) => n.state.mode === 'ACTIVE').map((n) => n.id));
  const services = workloads
    .filter((w) => w.advertise && w.host !== null && active.has(w.host))
    .map((w) => ({
      id: w.id,
      title: w.title,
      kind: w.kind,
      host: w.host,
      listeners: w.listeners.map((l) => ({ port: l.port, protocol: l.protocol, edge_role: l.edge_role })),
    }));
  return `${JSON.stringify({ generated_by: 'fleethub', services }, null, 2)}\n`;
}

/** The ids the runtime registry advertises, in its order. */
export function advertisedIds(input: BoardInput): string[] {
  return (JSON.parse(renderRuntimeRegistry(input)) as { services: Array<{ id: string }> }).services.map((s) => s.id);
}
