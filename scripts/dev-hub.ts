/**
 * `npm start`: the dev-hub on the bundled example fleet. Starts the fleet
 * simulator (scripts/sim.ts, on the ports the fleet's probes declare) and,
 * once it serves, `fleethub hub` in this process with the demo trust pin
 * (test/fixtures/keys/trust-root.json, unless FLEETHUB_TRUST_ROOT is set), the
 * demo orchestrator key (FLEETHUB_ORCHESTRATOR_KEY, likewise) and
 * probes every 5 s; prints the hub's URL. Ctrl-C (SIGINT) or SIGTERM stops
 * both, the hub first (status/ is not left with probe failures the stop made). Arguments after `--` go to the hub (`npm start -- --port 7781`);
 * `--root <dir>` serves another fleet repository.
 *
 *   npm start [-- --port <n>] [--root <dir>] [--probe-interval <d>]
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../src/cli/main.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

async function devHub(argv: string[]): Promise<number> {
  const interrupt = new AbortController();
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => interrupt.abort());
  const at = argv.indexOf('--root');
  const root = at >= 0 && argv[at + 1] ? resolve(argv[at + 1]!) : REPO;
  const hubArgs = at >= 0 ? [...argv.slice(0, at), ...argv.slice(at + 2)] : argv;

  // In a process group of its own, so that Ctrl-C at the terminal reaches this process only: the hub stops first (a
  // probe tick in flight still finds the nodes answering, so nothing it writes to status/ is a failure the stop made),
  // then the simulator. Should this process die without stopping it, the simulator sees its parent gone and stops.
  const sim = spawn(process.execPath, [join(REPO, 'dist', 'scripts', 'sim.js'), '--root', root, '--control-port', '0'], { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  const simExit = new Promise<number | null>((r) => sim.on('close', (code) => r(code)));
  const serving = await new Promise<string | null>((done) => {
    let out = '';
    sim.stdout.on('data', (b: Buffer) => {
      out += b.toString('utf8');
      if (out.includes('Ctrl-C to stop.')) done(/control URL: (\S+)/.exec(out)?.[1] ?? '');
    });
    void simExit.then(() => done(null));
    interrupt.signal.addEventListener('abort', () => done(null));
  });
  if (serving === null) {
    sim.kill('SIGTERM');
    process.stderr.write(interrupt.signal.aborted ? 'stopped\n' : 'npm start: the fleet simulator did not start (see above); nothing else was started\n');
    await simExit;
    return interrupt.signal.aborted ? 0 : 2;
  }
  process.stderr.write(`fleet simulator: the example fleet's nodes answer on loopback (control: ${serving}); Ctrl-C stops it after the hub\n`);
  const env = {
    ...process.env,
    FLEETHUB_TRUST_ROOT: process.env.FLEETHUB_TRUST_ROOT ?? join(REPO, 'test', 'fixtures', 'keys', 'trust-root.json'),
    // The demo orchestrator key signs the bundled fleet's rollout leases (docs/rollout.md).
    FLEETHUB_ORCHESTRATOR_KEY: process.env.FLEETHUB_ORCHESTRATOR_KEY ?? join(REPO, 'test', 'fixtures', 'keys', 'orchestrator-2026a.key'),
  };
  // Probes every 5 s unless the arguments say otherwise (an option is given once).
  const interval = hubArgs.some((a) => a === '--probe-interval' || a.startsWith('--probe-interval=')) ? [] : ['--probe-interval', '5s'];
  const code = await main(['hub', '--root', root, ...interval, ...hubArgs], {
    cwd: process.cwd(),
    env,
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    signal: interrupt.signal,
  });
  sim.kill('SIGTERM');
  await simExit;
  return code;
}

devHub(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`npm start: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
