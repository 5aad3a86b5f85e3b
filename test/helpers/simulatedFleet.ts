/**
 * The bundled example fleet, copied to a temporary directory and served by
 * the fleet simulator on free loopback ports (the copy's probes are rewritten
 * to point at them), with short probe timeouts. With `status`, the shipped
 * status/ files are copied too (their ports rewritten the same way) and the
 * simulator starts in the picture they record, as `npm run sim` does.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simulatedNodesFromRegistry } from '../../scripts/sim/fleetFromRegistry.js';
import { faultsFromStatus } from '../../scripts/sim/faultsFromStatus.js';
import { startFleetSimulator, type FleetSimulator } from '../../scripts/sim/fleetSimulator.js';
import { copyExampleFleet } from './fleet.js';

export interface SimulatedFleet {
  root: string;
  sim: FleetSimulator;
}

/**
 * `shippedTimeouts`: keep the bundled probe timeout and tick deadline (2 s, 10 s) instead of the short ones, for a test
 * in which a healthy node that misses a 300 ms timeout on a loaded machine would change what it checks.
 */
export async function simulatedExampleFleet(options: { flapPeriod?: number; modes?: string; status?: boolean; shippedTimeouts?: boolean } = {}): Promise<SimulatedFleet> {
  const root = copyExampleFleet({ status: options.status ?? false });
  const declared = simulatedNodesFromRegistry(root);
  const sim = await startFleetSimulator({ nodes: declared.map((n) => ({ ...n, port: 0 })), flapPeriod: options.flapPeriod ?? 2, slowMs: 200 });
  for (const f of readdirSync(join(root, 'registry/nodes'))) {
    const id = f.replace(/\.md$/, '');
    const before = declared.find((n) => n.id === id);
    const now = sim.nodes.get(id);
    if (!before || !now) continue;
    const path = join(root, 'registry/nodes', f);
    writeFileSync(path, readFileSync(path, 'utf8').replace(new RegExp(`\\b${before.port}\\b`, 'g'), String(now.port)));
  }
  if (options.status) {
    const ports = new Map(declared.map((n) => [String(n.port), String(sim.nodes.get(n.id)!.port)]));
    for (const f of readdirSync(join(root, 'status'))) {
      const path = join(root, 'status', f);
      writeFileSync(path, readFileSync(path, 'utf8').replace(/:(\d+)\b/g, (whole, port: string) => (ports.has(port) ? `:${ports.get(port)}` : whole)));
    }
    for (const [id, fault] of faultsFromStatus(root)) if (sim.nodes.has(id)) await sim.setFault(id, fault);
  }
  // The bundled policy with short probe timeouts (every other setting as shipped, so the shipped board still matches).
  const modesPath = join(root, 'policies/modes.yaml');
  if (options.shippedTimeouts && options.modes === undefined) return { root, sim };
  const quick = { probe_timeout: '300ms', tick_deadline: '2s', concurrency: '16' };
  writeFileSync(modesPath, options.modes ?? Object.entries(quick).reduce((text, [key, value]) => text.replace(new RegExp(`^${key}:.*$`, 'm'), `${key}: ${value}`), readFileSync(modesPath, 'utf8')));
  return { root, sim };
}
