/** What a user meets first: start-up cost, option parsing, errors, hints, tables, terminal safety. Real CLI runs. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { BIN, cli, fleetMaker, node } from './helpers/fleet.js';

const { fleet, tempDir, cleanup } = fleetMaker();
after(cleanup);

/** The packages a run of the CLI loaded (CommonJS and ESM alike go through require.cache). */
function loadedPackages(args: string[], cwd: string): { code: number | null; packages: Set<string> } {
  const dir = tempDir();
  const probe = join(dir, 'probe.mjs');
  const out = join(dir, 'loaded.txt');
  writeFileSync(
    probe,
    `import { createRequire } from 'node:module';\nimport { writeFileSync } from 'node:fs';\nconst require = createRequire(import.meta.url);\nprocess.on('exit', () => writeFileSync(${JSON.stringify(out)}, Object.keys(require.cache).join('\\n')));\n`,
  );
  const r = spawnSync(process.execPath, ['--import', probe, BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const packages = new Set([...readFileSync(out, 'utf8').matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)\//g)].map((m) => m[1]!));
  return { code: r.status, packages };
}

const HEAVY = ['better-sqlite3', 'isomorphic-git', 'ajv', 'gray-matter', 'yaml', 'js-yaml'];

describe('start-up: each command loads only what it uses', () => {
  it('help, a command\'s help and usage errors load no heavy package', () => {
    const root = fleet({ 'registry/nodes/a.md': node('a') });
    for (const args of [['--help'], ['validate', '--help'], ['status', '--help'], ['relay', '--help'], ['validate', '--bogus'], ['nonsense'], ['--version']]) {
      const { code, packages } = loadedPackages(args, root);
      assert.ok(code === 0 || code === 2, `${args.join(' ')}: exit ${code}`);
      assert.deepEqual(HEAVY.filter((p) => packages.has(p)), [], args.join(' '));
    }
  });

  it('validate on a clean fleet with a fresh cache loads no YAML parser and no Git library', () => {
    const root = fleet({ 'registry/nodes/a.md': node('a'), 'registry/nodes/b.md': node('b') });
    assert.equal(cli(['validate', '--root', root]).code, 0);
    const { code, packages } = loadedPackages(['validate'], root);
    assert.equal(code, 0);
    assert.ok(packages.has('better-sqlite3'), 'the cache is opened');
    assert.deepEqual(['yaml', 'js-yaml', 'isomorphic-git', 'gray-matter'].filter((p) => packages.has(p)), []);
  });
});

describe('global options and our own usage errors', () => {
  it('takes global options before or after the command', () => {
    const root = fleet({ 'registry/nodes/a.md': node('a') });
    const elsewhere = tempDir();
    for (const args of [['--root', root, 'validate'], ['validate', '--root', root], [`--root=${root}`, '--format', 'json', 'validate'], ['--format=json', 'validate', '--root', root]]) {
      const r = cli(args, { cwd: elsewhere });
      assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
    }
    assert.equal(cli(['--format', 'json', '--root', root, 'validate'], { cwd: elsewhere }).json<{ ok: boolean }>().ok, true);
  });

  it('names an unknown option or command in one line, with the closest one suggested', () => {
    const root = fleet({ 'registry/nodes/a.md': node('a') });
    const cases: Array<[string[], RegExp]> = [
      [['validate', '--stagd'], /^fleethub: unknown option --stagd; did you mean --staged\? \('fleethub validate --help' lists the options\)\n$/],
      [['validate', '--fromat', 'json'], /unknown option --fromat; did you mean --format\?/],
      [['--rot', root, 'validate'], /unknown option --rot; did you mean --root\?/],
      [['validate', '--bogus'], /^fleethub: unknown option --bogus \('fleethub validate --help'/],
      [['valdate'], /^fleethub: unknown command 'valdate'; did you mean 'validate'\? \('fleethub --help' lists the commands\)\n$/],
      [['reconcile', '--root'], /--root needs a value/],
      [['validate', '--root', '--no-color'], /--root needs a value, not the option --no-color/],
      [['validate', '--staged=yes'], /--staged takes no value/],
      [['validate', '-x'], /unknown option -x/],
    ];
    for (const [args, expected] of cases) {
      const r = cli(args, { cwd: root });
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stdout, '', args.join(' '));
      assert.match(r.stderr, expected, args.join(' '));
      assert.equal(r.stderr.trimEnd().split('\n').length, 1, `one line: ${r.stderr}`);
      assert.doesNotMatch(r.stderr, /ERR_PARSE_ARGS|TypeError|\n\s+at /);
    }
  });

  it('keeps arguments after -- as positionals', () => {
    const root = fleet({ 'registry/nodes/a.md': node('a') });
    const r = cli(['query', '--root', root, '--format', 'json', '--', 'SELECT id FROM nodes']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.json(), [{ id: 'a' }]);
  });
});

describe('--format json errors', () => {
  it('prints {"error": {code, message, data}} on stdout with exit 2, and nothing on stderr', () => {
    const root = fleet({ 'registry/nodes/a.md': node('a') });
    const elsewhere = tempDir();
    const cases: Array<[string[], string, Record<string, unknown>]> = [
      [['validate', '--bogus', '--format', 'json'], 'unknown-option', { option: '--bogus', command: 'validate' }],
      [['--format', 'json', 'valdate'], 'unknown-command', { command: 'valdate', suggestion: 'validate' }],
      [['validate', '--format=json'], 'root-not-found', { path: elsewhere, explicit: false }],
      [['query', '--root', root, '--format', 'json', 'DELETE FROM nodes'], 'query', { sql: 'DELETE FROM nodes' }],
    ];
    for (const [args, code, data] of cases) {
      const r = cli(args, { cwd: elsewhere });
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stderr, '', args.join(' '));
      const out = r.json<{ error: { code: string; message: string; data: Record<string, unknown> } }>();
      assert.deepEqual(Object.keys(out), ['error']);
      assert.equal(out.error.code, code, args.join(' '));
      assert.equal(typeof out.error.message, 'string');
      assert.deepEqual(out.error.data, data, args.join(' '));
    }
  });

  it('reports an internal error as JSON too, without a stack trace unless FLEETHUB_DEBUG is set', () => {
    const root = fleet({ 'registry/nodes/a.md': node('a'), '.fleethub/cache.sqlite/x': 'a directory where the cache file goes' });
    const text = cli(['validate', '--root', root]);
    assert.equal(text.code, 2);
    assert.match(text.stderr, /^fleethub validate: internal error: .*\(set FLEETHUB_DEBUG=1 to see the stack trace, and please report it\)\n$/);
    const json = cli(['validate', '--root', root, '--format', 'json']);
    assert.equal(json.code, 2);
    assert.equal(json.json<{ error: { code: string } }>().error.code, 'internal');
    assert.doesNotMatch(json.stdout + json.stderr, /\n\s+at /);
    const debug = cli(['validate', '--root', root], { env: { FLEETHUB_DEBUG: '1' } });
    assert.match(debug.stderr, /\n\s+at /, 'FLEETHUB_DEBUG=1 shows the stack');
  });
});
