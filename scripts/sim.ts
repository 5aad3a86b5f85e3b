/**
 * Runs the fleet simulator in the foreground for the bundled example fleet (or another fleet
 * repository), on the loopback ports its nodes' probes declare.
 *
 *   npm run sim [-- --root <dir>] [--control-port 47100] [--slow-ms 1500] [--fault node3=down ...] [--healthy]
 *               [--agents [--remote <url>] [--agent-interval 5s] [--apply-ms 2000] [--agent-fail <node> ...]]
 *
 * Starts in the picture the fleet's status/modes.json records (DEGRADED nodes down), then applies
 * each --fault. Prints the control URL and a node → port table; stops cleanly on SIGINT/SIGTERM
 * and when its parent process (npm, a shell) is gone.
 * Switch a fault:  curl -X POST -d '{"fault":"down"}' <control URL>/control/nodes/<id>
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { simulatedNodesFromRegistry } from './sim/fleetFromRegistry.js';
import { faultsFromStatus, STATUS_MODES_FILE } from './sim/faultsFromStatus.js';
import { FAULTS, startFleetSimulator, type Fault } from './sim/fleetSimulator.js';
import { parseFaultOption } from './sim/parseFaultOption.js';
import { watchParent } from './sim/watchParent.js';
import { startAgents, type RunningAgents } from './sim/startAgents.js';

const USAGE = `usage: npm run sim -- [--root <dir>] [--control-port <n>] [--slow-ms <n>] [--fault <node>=<fault> ...] [--healthy]

Serves every node of a fleet repository whose TCP probe points at loopback, on that port. It starts
in the picture ${STATUS_MODES_FILE} records (every DEGRADED node down), so a first
\`fleethub reconcile --probe --write\` agrees with the shipped status files.
  --root <dir>              fleet repository (default: the bundled example fleet)
  --control-port <n>        control API port on 127.0.0.1 (default 47100; 0 = any free port)
  --slow-ms <n>             delay of the "slow" fault (default 1500)
  --fault <node>=<fault>    start <node> with <fault> (repeatable; after the recorded picture)
  --healthy                 ignore ${STATUS_MODES_FILE}: every node starts without a fault
  --agents                  also run a simulated node agent for every enabled node (the cycle of
                            'fleethub agent --once', the node's apply and health simulated): a
                            rollout runs end to end on loopback
  --remote <url>            with --agents: the fleet repository the agents fetch from and report to
                            (default: a copy of --root served on loopback, its URL printed)
  --agent-interval <d>      with --agents: time between agent cycles (default 5s)
  --apply-ms <n>            with --agents: how long each apply takes (default 2000)
  --agent-fail <node>       with --agents: <node> is unhealthy on a new version, so it rolls back (repeatable)
Faults: ${FAULTS.join(', ')}
Agent faults: curl -X POST -d '{"apply_ms": 5000, "fail": true}' <control URL>/control/agents/<id>
Example: npm run sim -- --fault node3=none --fault home-1=wrong-version   (home-1 declares labels.agent_version: a wrong one is a finding)`;

function portArg(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--${name} must be a port number (0-65535), got ${value}`);
  return n;
}

/**
 * Resolves on SIGINT, SIGTERM or SIGHUP, or when the parent process is gone. Installed before
 * anything else, so a signal that arrives while the simulator starts is not the default (a kill
 * without stopping), and is acted on once it has started.
 */
function stopSignal(): Promise<void> {
  return new Promise<void>((done) => {
    const finish = (): void => {
      process.off('SIGINT', finish);
      process.off('SIGTERM', finish);
      process.off('SIGHUP', finish);
      stopWatching();
      done();
    };
    process.on('SIGINT', finish);
    process.on('SIGTERM', finish);
    process.on('SIGHUP', finish);
    const stopWatching = watchParent(() => process.ppid, finish);
  });
}

async function main(): Promise<number> {
  const stopRequested = stopSignal();
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        root: { type: 'string' },
        'control-port': { type: 'string' },
        'slow-ms': { type: 'string' },
        fault: { type: 'string', multiple: true },
        healthy: { type: 'boolean' },
        agents: { type: 'boolean' },
        remote: { type: 'string' },
        'agent-interval': { type: 'string' },
        'apply-ms': { type: 'string' },
        'agent-fail': { type: 'string', multiple: true },
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
  const ids = nodes.map((n) => n.id);
  let faults: Map<string, Fault>;
  try {
    faults = values.healthy ? new Map() : faultsFromStatus(root);
    for (const id of [...faults.keys()]) if (!ids.includes(id)) faults.delete(id); // a node the simulator does not serve
    for (const option of values.fault ?? []) {
      const { id, fault } = parseFaultOption(option, ids);
      faults.set(id, fault);
    }
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }

  let agents: RunningAgents | null = null;
  if (values.agents) {
    try {
      agents = await startAgents(root, nodes.filter((n) => n.enabled).map((n) => ({ id: n.id, version: n.version ?? '1.0.0' })), {
        remote: values.remote,
        interval: values['agent-interval'],
        applyMs: values['apply-ms'],
        fail: values['agent-fail'] ?? [],
        env: process.env,
        log: (line) => process.stdout.write(`${line}\n`),
      });
    } catch (e) {
      process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
      return 2;
    }
  }

  let sim;
  try {
    sim = await startFleetSimulator({ nodes, controlPort, slowMs, ...(agents ? { versionOf: agents.versionOf, extraControl: agents.control } : {}) });
  } catch (e) {
    await agents?.stop();
    process.stderr.write(`${(e as Error).message}\n(is another simulator already running?)\n`);
    return 2;
  }
  for (const [id, fault] of faults) await sim.setFault(id, fault);

  const width = Math.max(...nodes.map((n) => n.id.length), 4);
  const lines = [
    `fleet simulator for ${root}`,
    `control URL: ${sim.controlUrl}   (GET /control/nodes, POST /control/nodes/<id> {"fault": "..."}${agents ? ', GET /control/agents, POST /control/agents/<id> {"apply_ms": n, "fail": true}' : ''})`,
    '',
    `${'node'.padEnd(width)}  port   url`,
    ...nodes.map((n) => `${n.id.padEnd(width)}  ${String(sim.nodes.get(n.id)!.port).padEnd(5)}  ${sim.nodes.get(n.id)!.url}${(faults.get(n.id) ?? 'none') === 'none' ? '' : `   fault: ${faults.get(n.id)}`}${n.enabled ? '' : '   (disabled in the registry)'}`),
    '',
    ...(agents ? ['', ...agents.intro] : []),
    'Ctrl-C to stop.',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  agents?.start();

  await stopRequested;
  await agents?.stop();
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
