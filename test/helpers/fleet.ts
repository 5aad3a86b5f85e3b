/** Test helpers: temporary fleet repositories on disk and real runs of the CLI. */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
export function makeFleet(files: Record<string, string | Uint8Array>, dir = tempDir()): string {
  for (const [path, content] of Object.entries(files)) writeFile(dir, path, content);
  return dir;
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

/** Runs the real `fleethub` command. */
export function cli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliRun {
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FLEETHUB_DEBUG: '', ...options.env },
    timeout: 60_000,
  });
  return {
    code: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    json<T>() {
      return JSON.parse(r.stdout) as T;
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
