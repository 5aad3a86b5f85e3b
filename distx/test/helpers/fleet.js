/** Test helpers: temporary fleet repositories on disk and real runs of the CLI. */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
/** The repository root (tests run from dist/test/...). */
export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
export const BIN = join(REPO, 'bin', 'fleethub.js');
export function tempDir(prefix = 'fleethub-test-') {
    return mkdtempSync(join(tmpdir(), prefix));
}
/** Writes `files` (repository-relative path → content) into a new temporary directory. */
export function makeFleet(files, dir = tempDir()) {
    for (const [path, content] of Object.entries(files))
        writeFile(dir, path, content);
    return dir;
}
export function writeFile(root, path, content) {
    const abs = join(root, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
}
/** A makeFleet whose directories are all removed by `cleanup` (call it from `after`). */
export function fleetMaker() {
    const dirs = [];
    const keep = (d) => {
        dirs.push(d);
        return d;
    };
    return { fleet: (files) => keep(makeFleet(files)), tempDir: () => keep(tempDir()), cleanup: () => dirs.forEach(removeDir) };
}
export function removeDir(dir) {
    rmSync(dir, { recursive: true, force: true });
}
/** Runs the real `fleethub` command. */
export function cli(args, options = {}) {
    const r = spawnSync(process.execPath, [BIN, ...args], { ...spawnOptions(options), encoding: 'utf8', timeout: 60_000 });
    return cliRun(r.status, r.stdout, r.stderr);
}
/** Runs the real `fleethub` command without blocking this process (for servers running in the test itself). */
export function cliAsync(args, options = {}) {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [BIN, ...args], { ...spawnOptions(options), timeout: 120_000 });
        const out = [];
        const err = [];
        child.stdout.on('data', (b) => out.push(b));
        child.stderr.on('data', (b) => err.push(b));
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
export async function cliInProcess(args, options = {}) {
    const { main } = await import('../../src/cli/main.js');
    const { cwd, env } = spawnOptions(options);
    let stdout = '';
    let stderr = '';
    const code = await main(args, {
        cwd,
        env,
        stdout: (s) => void (stdout += s),
        stderr: (s) => void (stderr += s),
        stdoutIsTTY: false,
        stderrIsTTY: false,
        signal: new AbortController().signal,
    });
    return cliRun(code, stdout, stderr);
}
/** The bundled fleet's demo trust root (docs/trust.md): the CLI runs of the tests verify intents against it, as npm start does; a test of the unpinned path passes FLEETHUB_TRUST_ROOT: ''. */
export const DEMO_TRUST_ROOT = join(REPO, 'test', 'fixtures', 'keys', 'trust-root.json');
/** The bundled fleet's demo orchestrator key (docs/rollout.md): the CLI runs of the tests sign rollout leases with it, as npm start does; a test of the keyless path passes FLEETHUB_ORCHESTRATOR_KEY: ''. */
export const DEMO_ORCHESTRATOR_KEY = join(REPO, 'test', 'fixtures', 'keys', 'orchestrator-2026a.key');
function spawnOptions(options) {
    return { cwd: options.cwd ?? REPO, env: { ...process.env, NO_COLOR: '1', FLEETHUB_DEBUG: '', FLEETHUB_TRUST_ROOT: DEMO_TRUST_ROOT, FLEETHUB_ORCHESTRATOR_KEY: DEMO_ORCHESTRATOR_KEY, ...options.env } };
}
function cliRun(code, stdout, stderr) {
    return {
        code,
        stdout,
        stderr,
        json() {
            return JSON.parse(stdout);
        },
    };
}
export const node = (id, extra = '') => `---\ntitle: Node ${id}\nrole: edge\n${extra}---\nNotes.\n`;
export const workload = (id, extra = '') => `---\ntitle: Workload ${id}\nkind: service\n${extra}---\n`;
/** A temporary copy of the bundled example fleet (registry/, workplans/, policies/, and status/ when asked). */
export function copyExampleFleet(options = {}) {
    const dir = tempDir('fleethub-example-');
    for (const d of ['registry', 'workplans', 'policies', ...(options.status ? ['status'] : [])])
        cpSync(join(REPO, d), join(dir, d), { recursive: true });
    return dir;
}
//# sourceMappingURL=fleet.js.map