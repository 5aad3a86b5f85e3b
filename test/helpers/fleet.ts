/** Test helpers: temporary fleet repositories on disk and real runs of the CLI. */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (tests run from dist/test/...). */
export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
export const BIN = join(REPO, 'bin', 'fleethub.js');

export function tempDir(prefix = 'fleethub-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes `files` (repository-relative path → content) into a new temporary directory. */
/**
 * A fleet's files, dated a minute back: files that were there before any cache read them, as a user's are (a
 * file read within its timestamp granularity of being written is compared again by the next refresh:
 * src/cache/racyMtime.ts). Edits a test makes afterwards (writeFile) carry the time they are made.
 */
export function makeFleet(files: Record<string, string | Uint8Array>, dir = tempDir()): string {
  for (const [path, content] of Object.entries(files)) writeDatedFile(dir, path, content, 60_000);
  return dir;
}

/** writeFile, the file's mtime set `ageMs` back: written before a command reads it, as a person's edit is. */
export function writeDatedFile(root: string, path: string, content: string | Uint8Array, ageMs: number): void {
  writeFile(root, path, content);
  const at = (Date.now() - ageMs) / 1000;
  utimesSync(join(root, path), at, at);
}

export function writeFile(root: string, path: string, content: string | Uint8Array): void {
  const abs = join(root, path);
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, content);
}

/** A makeFleet whose directories are all removed by `cleanup` (call it from `after`). */
export function fleetMaker(): { fleet: (files: Record<string, string>) => string; tempDir: () => string; cleanup: () => void } {
  const dirs: string[] = [];
  const keep = (d: string): string => {
    dirs.push(d);
    return d;
  };
  return { fleet: (files) => keep(makeFleet(files)), tempDir: () => keep(tempDir()), cleanup: () => dirs.forEach(removeDir) };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  json<T = unknown>(): T;
}

interface CliOptions {
  cwd?: string;
  env?: Record<string, string>;
  /** cliInProcess only: stdout is a terminal (so colour is on unless NO_COLOR says otherwise). */
  tty?: boolean;
}

/** Runs the real `fleethub` command. */
export function cli(args: string[], options: CliOptions = {}): CliRun {
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [BIN, ...args], { ...spawnOptions(options), encoding: 'utf8', timeout: 60_000 });
  return cliRun(r.status, r.stdout, r.stderr);
}

/** Runs the real `fleethub` command without blocking this process (for servers running in the test itself). */
export function cliAsync(args: string[], options: CliOptions = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { ...spawnOptions(options), timeout: 120_000 });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => resolve(cliRun(code, Buffer.concat(out).toString('utf8'), Buffer.concat(err).toString('utf8'))));
  });
}

/**
 * Runs the same `main` the `fleethub` command runs, in this process, with the
 * environment `cli` gives the child: the same output and exit code, without a
 * process start per call. Tests of what only the process wrapper does
 * (bin/fleethub.js: signals, closed pipes, start-up) keep `cli`/`cliAsync`.
 */
export async function cliInProcess(args: string[], options: CliOptions = {}): Promise<CliRun> {
  const { main } = await import('../../src/cli/main.js');
  const { cwd, env } = spawnOptions(options);
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    cwd,
    env,
    stdout: (s: string) => void (stdout += s),
    stderr: (s: string) => void (stderr += s),
    stdoutIsTTY: options.tty === true,
    stderrIsTTY: false,
    signal: new AbortController().signal,
  });
  return cliRun(code, stdout, stderr);
}

/** The bundled fleet's demo trust root (docs/trust.md): the CLI runs of the tests verify intents against it, as npm start does; a test of the unpinned path passes FLEETHUB_TRUST_ROOT: ''. */
export const DEMO_TRUST_ROOT = join(REPO, 'test', 'fixtures', 'keys', 'trust-root.json');

/** The bundled fleet's demo orchestrator key (docs/rollout.md): the CLI runs of the tests sign rollout leases with it, as npm start does; a test of the keyless path passes FLEETHUB_ORCHESTRATOR_KEY: ''. */
export const DEMO_ORCHESTRATOR_KEY = join(REPO, 'test', 'fixtures', 'keys', 'orchestrator-2026a.key');

function spawnOptions(options: CliOptions): { cwd: string; env: NodeJS.ProcessEnv } {
  return { cwd: options.cwd ?? REPO, env: { ...process.env, NO_COLOR: '1', COLUMNS: '', FLEETHUB_DEBUG: '', FLEETHUB_TRUST_ROOT: DEMO_TRUST_ROOT, FLEETHUB_ORCHESTRATOR_KEY: DEMO_ORCHESTRATOR_KEY, ...options.env } };
}

function cliRun(code: number | null, stdout: string, stderr: string): CliRun {
  return {
    code,
    stdout,
    stderr,
    json<T>() {
      return JSON.parse(stdout) as T;
    },
  };
}

export const node = (id: string, extra = ''): string => `---\ntitle: Node ${id}\nrole: edge\n${extra}---\nNotes.\n`;
export const workload = (id: string, extra = ''): string => `---\ntitle: Workload ${id}\nkind: service\n${extra}---\n`;

export interface ValidateJson {
  ok: boolean;
  errors: Array<{ file: string; line: number; column: number; code: string; message: string; severity: string; id?: string }>;
  warnings: Array<{ file: string; line: number; column: number; code: string; message: string; severity: string; id?: string }>;
}

/** A temporary copy of the bundled example fleet (registry/, workplans/, policies/, and status/ when asked). */
export function copyExampleFleet(options: { status?: boolean } = {}): string {
  const dir = tempDir('fleethub-example-');
  for (const d of ['registry', 'workplans', 'policies', ...(options.status ? ['status'] : [])]) cpSync(join(REPO, d), join(dir, d), { recursive: true });
  return dir;
}
