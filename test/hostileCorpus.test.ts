/**
 * The hostile-input corpus (test/corpus/hostile/): every case is put alone
 * into a fresh fleet directory and run through the CLI. Each must finish,
 * print nothing on stderr, print valid JSON, exit 0 or 1, report exactly the
 * findings its manifest entry lists (code, line, column, severity), and keep
 * an invalid record out of the cache.
 *
 * Cases that are only bytes run in this process through the CLI's own main()
 * with an Io that captures its output (the same parsing, exit code and JSON as
 * a real run, without ~2 process start-ups per case), and their cache is read
 * straight from its SQLite file. Cases that play file system tricks (symlinks,
 * named pipes, permissions), the ones that could hang a reader, run as real
 * CLI processes, killed if they do not finish, and ask `fleethub query`.
 */
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { cachePath } from '../src/cache/cacheFile.js';
import { main } from '../src/cli/main.js';

/** dist/test/hostileCorpus.test.js → the repository root. */
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(REPO, 'bin', 'fleethub.js');
const CORPUS = join(REPO, 'test', 'corpus', 'hostile');

const MIB = 1024 * 1024;
const CASE_TIMEOUT_MS = 20_000;
/** The child is killed a little before the test times out, so a hang never outlives the suite. */
const CHILD_TIMEOUT_MS = 19_000;

type Generate =
  | 'too-large'
  | 'at-size-limit'
  | 'many-values'
  | 'symlink-outside'
  | 'symlink-broken'
  | 'symlink-loop'
  | 'symlink-device'
  | 'symlink-dir'
  | 'symlink-dir-outside'
  | 'symlink-inside'
  | 'fifo'
  | 'symlink-fifo'
  | 'unreadable'
  | 'kind-dir-outside'
  | 'kind-dir-loop'
  | 'kind-dir-inside'
  | 'kind-dir-broken'
  | 'unreadable-dir';

/** Generated cases that need no file-system trick: only bytes, so they run in this process. */
const BYTES_ONLY: ReadonlySet<Generate> = new Set(['too-large', 'at-size-limit', 'many-values']);

interface Expected {
  code: string;
  line: number;
  col: number;
  severity: 'error' | 'warning';
}

interface Case {
  name: string;
  /** The case's bytes in the corpus directory (for generated cases: the content to use, if any). */
  file: string | null;
  generate?: Generate;
  /** Where the case is placed in the temporary fleet. */
  path: string;
  /** Every finding the run must produce, for any file. */
  expect: Expected[];
  /** Whether the file's record must be in the cache; default: exactly when no error is expected. */
  cached?: boolean;
  skipIfRoot?: boolean;
  why?: string;
}

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  code: string;
  severity: string;
  message: string;
  hint?: string;
}

interface ValidateOutput {
  ok: boolean;
  errors: JsonFinding[];
  warnings: JsonFinding[];
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

const CASES = JSON.parse(readFileSync(join(CORPUS, 'cases.json'), 'utf8')) as Case[];
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

const dirs: string[] = [];
/** Directories made unreadable by a case. */
const locked: string[] = [];
after(() => {
  for (const d of locked) chmodSync(d, 0o755); // so that the directories can be removed
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

const ENV = { ...process.env, NO_COLOR: '1', FLEETHUB_DEBUG: '' };

/** The CLI's main() in this process, with its output captured. */
async function inProcess(args: string[]): Promise<Run> {
  const start = Date.now();
  let stdout = '';
  let stderr = '';
  const code = await main(args, { cwd: tmpdir(), env: ENV, stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), stdoutIsTTY: false, stderrIsTTY: false });
  return { code, signal: null, stdout, stderr, ms: Date.now() - start };
}

function cli(args: string[]): Promise<Run> {
  const start = Date.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      {
        cwd: tmpdir(),
        encoding: 'utf8',
        timeout: CHILD_TIMEOUT_MS,
        killSignal: 'SIGKILL',
        maxBuffer: 16 * MIB,
        env: ENV,
      },
      (err, stdout, stderr) => {
        const e = err as (Error & { code?: number | string; signal?: NodeJS.Signals | null }) | null;
        resolve({
          code: e === null ? 0 : typeof e.code === 'number' ? e.code : null,
          signal: e?.signal ?? null,
          stdout,
          stderr,
          ms: Date.now() - start,
        });
      },
    );
  });
}

function caseBytes(c: Case): Buffer | null {
  return c.file === null ? null : readFileSync(join(CORPUS, c.file));
}

const VALID_NODE = '---\ntitle: Generated node\nrole: edge\n---\n';

/** A valid node file of exactly `size` bytes: front matter, then body padding. */
function paddedNode(size: number): Buffer {
  const head = `${VALID_NODE}\n`;
  const line = 'Padding text for the size limit cases.\n';
  let body = '';
  while (head.length + body.length + line.length <= size) body += line;
  body += 'x'.repeat(size - head.length - body.length);
  const out = Buffer.from(head + body, 'utf8');
  assert.equal(out.length, size);
  return out;
}

function mkfifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

/** Builds a fresh fleet directory holding only the case. */
function buildFleet(c: Case): string {
  const root = tempDir('fleethub-hostile-');
  const abs = join(root, c.path);
  mkdirSync(dirname(abs), { recursive: true });
  const bytes = caseBytes(c);
  switch (c.generate) {
    case undefined:
      assert.ok(c.file !== null, `${c.name}: a case without generate needs a file`);
      copyFileSync(join(CORPUS, c.file), abs);
      break;
    case 'too-large':
      writeFileSync(abs, paddedNode(MIB + 1));
      break;
    case 'at-size-limit':
      writeFileSync(abs, paddedNode(MIB));
      break;
    case 'many-values': {
      let yaml = '---\ntitle: Generated node\nrole: edge\nx-values:\n';
      for (let i = 0; i < 25_000; i++) yaml += `  - ${i}\n`;
      writeFileSync(abs, `${yaml}---\n`);
      break;
    }
    case 'symlink-outside': {
      const outside = tempDir('fleethub-outside-');
      writeFileSync(join(outside, basename(c.path)), bytes ?? VALID_NODE);
      symlinkSync(join(outside, basename(c.path)), abs);
      break;
    }
    case 'symlink-broken':
      symlinkSync('no-such-target.md', abs);
      break;
    case 'symlink-loop':
      symlinkSync(basename(c.path), abs);
      break;
    case 'symlink-device':
      symlinkSync('/dev/zero', abs);
      break;
    case 'symlink-dir': {
      mkdirSync(join(root, 'shared', 'nodes'), { recursive: true });
      writeFileSync(join(root, 'shared', 'nodes', 'inner.md'), VALID_NODE);
      symlinkSync(join(root, 'shared', 'nodes'), abs);
      break;
    }
    case 'symlink-dir-outside': {
      const outside = tempDir('fleethub-outside-');
      writeFileSync(join(outside, 'inner.md'), VALID_NODE);
      symlinkSync(outside, abs);
      break;
    }
    case 'symlink-inside': {
      const target = join(root, 'shared', basename(c.path));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, bytes ?? VALID_NODE);
      symlinkSync(join('..', '..', 'shared', basename(c.path)), abs);
      break;
    }
    case 'fifo':
      mkfifo(abs);
      break;
    case 'symlink-fifo': {
      mkdirSync(join(root, 'shared'), { recursive: true });
      mkfifo(join(root, 'shared', 'pipe.md'));
      symlinkSync(join('..', '..', 'shared', 'pipe.md'), abs);
      break;
    }
    case 'unreadable':
      writeFileSync(abs, bytes ?? VALID_NODE);
      chmodSync(abs, 0o000);
      break;
    case 'kind-dir-outside': {
      // The case's path is the kind directory itself, a link to a directory outside holding a valid record.
      const outside = tempDir('fleethub-outside-');
      writeFileSync(join(outside, 'wp1.md'), '---\ntitle: Outside\n---\n- [ ] T01 Task\n');
      symlinkSync(outside, abs);
      mkdirSync(join(root, 'registry'));
      break;
    }
    case 'kind-dir-loop':
      symlinkSync(basename(c.path), abs);
      break;
    case 'kind-dir-inside':
      mkdirSync(join(root, 'shared', 'policies'), { recursive: true });
      writeFileSync(join(root, 'shared', 'policies', 'modes.yaml'), 'kind: modes\n');
      symlinkSync(join('shared', 'policies'), abs);
      break;
    case 'unreadable-dir':
      mkdirSync(abs);
      writeFileSync(join(abs, 'n2.md'), VALID_NODE);
      chmodSync(abs, 0o000);
      locked.push(abs);
      break;
    case 'kind-dir-broken':
      symlinkSync('no-such-directory', abs);
      break;
    default:
      assert.fail(`${c.name}: unknown generate '${String(c.generate)}'`);
  }
  return root;
}

const key = (f: { code: string; line: number; col: number; severity: string }): string => `${f.severity}[${f.code}] ${f.line}:${f.col}`;

function checkFinding(c: Case, f: JsonFinding, severity: 'error' | 'warning'): void {
  const where = `${c.name}: ${JSON.stringify(f)}`;
  assert.equal(typeof f.file, 'string', where);
  assert.equal(f.file, c.path, `${where}: a finding about another file`);
  assert.ok(Number.isInteger(f.line) && f.line >= 1, `${where}: line`);
  assert.ok(Number.isInteger(f.column) && f.column >= 1, `${where}: column`);
  assert.equal(typeof f.code, 'string', where);
  assert.equal(f.severity, severity, where);
  assert.ok(typeof f.message === 'string' && f.message.length > 0, `${where}: message`);
  assert.ok(typeof f.hint === 'string' && f.hint.length > 0, `${where}: hint`);
}

/**
 * How many records the cache holds for the case's file, asked through `fleethub query` (a real process, for the
 * file-system cases), the same count and the same assertions on the query's run as a user's query.
 */
async function cachedByQuery(c: Case, root: string): Promise<number | undefined> {
  const q = await cli(['query', `SELECT count(*) AS n FROM records WHERE file = '${c.path.replace(/'/g, "''")}'`, '--root', root, '--format', 'json']);
  assert.ok(q.signal === null, `${c.name}: query did not finish: a hang`);
  assert.equal(q.stderr, '', `${c.name}: query printed to stderr`);
  assert.equal(q.code, 0, `${c.name}: query exit code`);
  return (JSON.parse(q.stdout) as Array<{ n: number }>)[0]?.n;
}

/**
 * The same count read from the cache file itself, read-only, for the cases that run in this process: `fleethub
 * query` runs its SQL in a child process of its own (a time limit must be able to kill it), one process start
 * per case that the count does not need; what query itself does is tested in sqlBounds and cli.
 */
function cachedInProcess(root: string, file: string): number | undefined {
  const db = new Database(cachePath(root), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM records WHERE file = ?').get(file) as { n: number } | undefined)?.n;
  } finally {
    db.close();
  }
}

function skipReason(c: Case): string | false {
  if (c.skipIfRoot && isRoot) return 'file permissions do not apply to root';
  if ((c.generate === 'fifo' || c.generate === 'symlink-fifo') && process.platform === 'win32') return 'no named pipes here';
  if (c.generate?.startsWith('symlink') && process.platform === 'win32') return 'symlinks need privileges here';
  return false;
}

describe('hostile corpus', { concurrency: 8 }, () => {
  it('has at least 50 cases, unique names, and a file for every case that is not generated', () => {
    assert.ok(CASES.length >= 50, `only ${CASES.length} cases`);
    assert.equal(new Set(CASES.map((c) => c.name)).size, CASES.length, 'case names are unique');
    for (const c of CASES) {
      assert.ok(c.file !== null || c.generate !== undefined, `${c.name}: neither file nor generate`);
      if (c.file !== null) assert.ok(c.file.startsWith(`${c.name}.`), `${c.name}: file ${c.file} is not named after the case`);
      assert.ok(Array.isArray(c.expect), `${c.name}: expect`);
    }
  });

  // Generated cases (file system tricks, the ones most likely to hang) start first, so a
  // hang overlaps with the rest of the corpus instead of adding to the total time.
  const ordered = [...CASES].sort((a, b) => Number(a.generate === undefined) - Number(b.generate === undefined));
  for (const c of ordered) {
    it(`${c.name} (${c.path})`, { timeout: CASE_TIMEOUT_MS, skip: skipReason(c) }, async () => {
      const root = buildFleet(c);
      const run = c.generate === undefined || BYTES_ONLY.has(c.generate) ? inProcess : cli;
      const r = await run(['validate', '--root', root, '--format', 'json']);
      assert.ok(r.signal === null, `${c.name}: validate did not finish (killed by ${String(r.signal)} after ${r.ms} ms): a hang`);
      assert.equal(r.stderr, '', `${c.name}: validate printed to stderr`);
      let out: ValidateOutput;
      try {
        out = JSON.parse(r.stdout) as ValidateOutput;
      } catch {
        assert.fail(`${c.name}: stdout is not JSON (exit ${String(r.code)}):\n${r.stdout.slice(0, 2000)}`);
      }
      assert.equal(typeof out.ok, 'boolean', `${c.name}: ok`);
      assert.ok(Array.isArray(out.errors) && Array.isArray(out.warnings), `${c.name}: errors and warnings are arrays`);
      for (const f of out.errors) checkFinding(c, f, 'error');
      for (const f of out.warnings) checkFinding(c, f, 'warning');

      const actual = [...out.errors, ...out.warnings].map((f) => key({ ...f, col: f.column })).sort();
      const expected = c.expect.map(key).sort();
      const messages = [...out.errors, ...out.warnings].map((f) => `  ${f.line}:${f.column} ${f.severity}[${f.code}] ${f.message}`).join('\n');
      assert.deepEqual(actual, expected, `${c.name}: findings differ${c.why ? ` (${c.why})` : ''}; got:\n${messages || '  (none)'}`);

      const hasError = c.expect.some((e) => e.severity === 'error');
      assert.equal(r.code, hasError ? 1 : 0, `${c.name}: exit code`);
      assert.equal(out.ok, !hasError, `${c.name}: ok`);

      const n = run === inProcess ? cachedInProcess(root, c.path) : await cachedByQuery(c, root);
      assert.equal(typeof n, 'number', `${c.name}: the cache's count`);
      const cached = c.cached ?? !hasError;
      if (cached) assert.ok(n! >= 1, `${c.name}: the record should be in the cache (n = ${n})`);
      else assert.equal(n, 0, `${c.name}: the record must not be in the cache`);
    });
  }
});
