/**
 * Runs the fleet simulator in the foreground for the bundled example fleet (or another fleet
 * repository), on the loopback ports its nodes' probes declare.
 *
 *   npm run sim [-- --root <dir>] [--control-port 47100] [--slow-ms 1500]
 *
 * Prints the control URL and a node → port table; stops cleanly on SIGINT/SIGTERM.
 * Switch a fault:  curl -X POST -d '{"fault":"down"}' <control URL>/control/nodes/<id>
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { simulatedNodesFromRegistry } from './sim/fleetFromRegistry.js';
import { FAULTS, startFleetSimulator } from './sim/fleetSimulator.js';

const USAGE = `usage: npm run sim -- [--root <dir>] [--control-port <n>] [--slow-ms <n>]

Serves every node of a fleet repository whose TCP probe points at loopback, on that port.
  --root <dir>         fleet repository (default: the bundled example fleet)
  --control-port <n>   control API port on 127.0.0.1 (default 47100; 0 = any free port)
  --slow-ms <n>        delay of the "slow" fault (default 1500)
Faults: ${FAULTS.join(', ')}`;

function portArg(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--${name} must be a port number (0-65535), got ${value}`);
  return n;
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        root: { type: 'string' },
        'control-port': { type: 'string' },
        'slow-ms': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const root = resolve(values.root ?? fileURLToPath(new URL('../../', import.meta.url)));
  let controlPort: number;
  let slowMs: number;
  try {
    controlPort = portArg('control-port', values['control-port'], 47100);
    slowMs = values['slow-ms'] === undefined ? 1500 : Number(values['slow-ms']);
    if (!Number.isFinite(slowMs) || slowMs < 0) throw new Error(`--slow-ms must be a non-negative number, got ${values['slow-ms']}`);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 2;
  }

  let nodes;
  try {
    nodes = simulatedNodesFromRegistry(root);
  } catch (e) {
    process.stderr.write(`cannot read the fleet at ${root}: ${(e as Error).message}\n`);
    return 2;
  }
  if (nodes.length === 0) {
    process.stderr.write(`no node in ${root}/registry/nodes has a TCP probe on a loopback address; nothing to simulate\n`);
    return 1;
  }

  let sim;
  try {
    sim = await startFleetSimulator({ nodes, controlPort, slowMs });
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n(is another simulator already running?)\n`);
    return 2;
  }

  const width = Math.max(...nodes.map((n) => n.id.length), 4);
  const lines = [
    `fleet simulator for ${root}`,
    `control URL: ${sim.controlUrl}   (GET /control/nodes, POST /control/nodes/<id> {"fault": "..."})`,
    '',
    `${'node'.padEnd(width)}  port   url`,
    ...nodes.map((n) => `${n.id.padEnd(width)}  ${String(sim.nodes.get(n.id)!.port).padEnd(5)}  ${sim.nodes.get(n.id)!.url}${n.enabled ? '' : '   (disabled in the registry)'}`),
    '',
    'Ctrl-C to stop.',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);

  await new Promise<void>((done) => {
    const onSignal = (): void => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      done();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  await sim.stop();
  process.stdout.write('fleet simulator stopped\n');
  return 0;
}

main().then(
  (code) => { process.exitCode = code; },
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  },
);
