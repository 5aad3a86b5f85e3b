/**
 * The agent's real I/O: Git (fetchFleet, the relay), the apply and health
 * commands as shell processes, and its own outbox in the state directory
 * (`<state dir>/.fleethub/outbox.sqlite`, writer = the node id).
 *
 * The apply (and a rollback) runs detached, in its own process group, its
 * output appended to `<state dir>/apply.log`: an agent killed mid-apply does
 * not take the apply with it, and the restarted agent waits for that process
 * (its id is in the journal) instead of starting a second one; a marker
 * `<state dir>/run/<token>.started`, written by the gate as the command starts,
 * tells it whether that process ever got past the gate. The health
 * command runs attached, its output captured (the first line is the
 * installed version), killed after `healthTimeoutMs`.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AgentCommandError } from '../errors.js';
import { recordEvents } from '../outbox/recordEvents.js';
import { attemptRelay, relayOptionsFrom } from '../relay/attemptRelay.js';
import { redactUrl } from '../relay/redactUrl.js';
import { sleep } from '../relay/sleep.js';
import type { AgentIo, HealthAnswer, RunningCommand } from './agentIo.js';
import type { AgentConfig } from './agentTypes.js';
import { fetchFleet } from './fetchFleet.js';
import { readFleetSnapshot } from './readFleetSnapshot.js';
import { readFleetView } from './readFleetView.js';
import type { PinnedRoot } from '../trust/verifyTrustChain.js';
import { processAlive } from '../repo/processAlive.js';

const HEALTH_OUTPUT_LIMIT = 64 * 1024;
const SECRET_VARS = new Set(['FLEETHUB_TOKEN', 'FLEETHUB_TOKEN_USER', 'FLEETHUB_ORCHESTRATOR_KEY']);

/** Where and with what environment a command runs. */
interface CommandPlace {
  cwd: string;
  env: Record<string, string | undefined>;
}

/** `cwd`: where the apply and health commands run (the directory the agent was started in). */
export function processAgentIo(config: AgentConfig, pin: PinnedRoot | null, env: Readonly<Record<string, string | undefined>>, cwd: string, now: () => Date, options: { healthTimeoutMs?: number } = {}): AgentIo {
  const transport = relayOptionsFrom(env);
  const runDir = join(config.stateDir, 'run');
  // The commands get the agent's environment without its credentials: the upstream token is the agent's, not theirs.
  const commandEnv: Record<string, string | undefined> = Object.fromEntries(Object.entries(env).filter(([k]) => !SECRET_VARS.has(k)));
  const writerEnv = { FLEETHUB_WRITER_NAME: config.node, FLEETHUB_WRITER_EMAIL: `${config.node}@fleethub-agent.invalid` };
  return {
    now,
    async fetch() {
      const got = await fetchFleet(config.stateDir, config.remotes, { ...transport, ...(config.branch ? { branch: config.branch } : {}) });
      const snapshot = got.head === null ? { commit: '', files: new Map<string, string | null>(), fileVersions: () => ({ available: true as const, versions: [] }) } : await readFleetSnapshot(got.gitdir, got.head);
      return { url: got.url, shown: got.shown, branch: got.branch, snapshot };
    },
    view: (snapshot) => readFleetView(snapshot, pin),
    startApply: async (vars, started) => startDetached(config.apply, { cwd, env: { ...commandEnv, ...vars } }, join(config.stateDir, 'apply.log'), runDir, started),
    health: async (vars) => (config.health === undefined ? null : runHealth(config.health, { cwd, env: { ...commandEnv, ...vars } }, options.healthTimeoutMs ?? 60_000)),
    processAlive,
    commandStarted: (token) => existsSync(join(runDir, `${token}.started`)),
    sleep: (ms, signal) => sleep(ms, signal ?? new AbortController().signal),
    async record(path, text) {
      await recordEvents(config.stateDir, [{ type: 'status.file', payload: { path, text } }], { env: writerEnv, now });
    },
    async relay(preferred) {
      const order = preferred === null ? config.remotes : [preferred, ...config.remotes.filter((r) => r !== preferred)];
      const errors: string[] = [];
      for (const upstream of order) {
        const attempt = await attemptRelay(config.stateDir, { ...transport, upstream, ...(config.branch ? { branch: config.branch } : {}) }, { now, random: Math.random });
        if (attempt.ok) return { ok: true };
        errors.push(`${redactUrl(upstream)}: ${attempt.error.message}`);
      }
      return { ok: false, error: errors.join('; ') || 'no remote' };
    },
  };
}

/**
 * The command behind a gate: the shell waits for 'go' on its stdin, which is
 * written only once `started` has recorded its process id. An agent killed
 * before that closes the pipe, and the shell exits without running the
 * command — so an apply whose id the journal does not have never ran.
 */
const GATE = 'read go && [ "$go" = go ] || exit 97; : > "$2" || exit 98; exec /bin/sh -c "$1"';

function startDetached(command: string, { cwd, env }: CommandPlace, log: string, runDir: string, started: (run: { pid: number | null; token: string }) => void): Promise<RunningCommand> {
  // One command at a time, and only once the last one's outcome is in the journal: the older marks are not needed any more.
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true, mode: 0o700 });
  const token = randomUUID();
  const fd = openSync(log, 'a', 0o600);
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', GATE, 'fleethub-apply', command, join(runDir, `${token}.started`)], { detached: true, stdio: ['pipe', fd, fd], cwd, env });
    closeSync(fd);
    const exited = new Promise<{ code: number | null; detail: string }>((done) =>
      child.once('exit', (code, signal) => done({ code: code ?? -1, detail: signal ? `was killed by ${signal}` : code === 0 ? 'exited 0' : `exited with status ${code}` })),
    );
    child.once('error', (e) => reject(new AgentCommandError('apply', command, e.message)));
    child.once('spawn', () => {
      try {
        started({ pid: child.pid ?? null, token });
      } catch (e) {
        child.stdin!.destroy();
        reject(e);
        return;
      }
      child.stdin!.end('go\n');
      resolve({ exited });
    });
  });
}

function runHealth(command: string, { cwd, env }: CommandPlace, timeoutMs: number): Promise<HealthAnswer> {
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', command], { stdio: ['ignore', 'pipe', 'pipe'], cwd, env, timeout: timeoutMs });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out = (out + b.toString('utf8')).slice(0, HEALTH_OUTPUT_LIMIT)));
    child.stderr.on('data', (b: Buffer) => (err = (err + b.toString('utf8')).slice(0, HEALTH_OUTPUT_LIMIT)));
    child.once('error', (e) => reject(new AgentCommandError('health', command, e.message)));
    child.once('close', (code, signal) => {
      const version = out.split('\n')[0]!.trim() || null;
      const why = signal ? `was killed by ${signal} (timeout ${timeoutMs} ms)` : code === 0 ? 'exited 0' : `exited with status ${code}`;
      const said = err.trim().split('\n')[0]?.slice(0, 200) ?? '';
      resolve({ healthy: code === 0 && !signal, version, detail: `${why}${said ? `: ${said}` : ''}` });
    });
  });
}
