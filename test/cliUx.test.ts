/**
 * What a user meets first: start-up cost, option parsing, errors, hints,
 * tables, terminal safety. The commands run through the CLI's main(), as
 * bin/fleethub.js runs it; start-up cost in real processes of bin/fleethub.js.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { BIN, cliInProcess, copyExampleFleet, fleetMaker, node, removeDir, workload } from './helpers/fleet.js';

const { fleet, tempDir, cleanup } = fleetMaker();
after(cleanup);

/** The packages a run of the CLI loaded (CommonJS and ESM alike go through require.cache): a real process, as what a fresh start loads is the point. */
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

  it('validate on a clean fleet with a fresh cache loads no YAML parser and no Git library', async () => {
    const root = fleet({ 'registry/nodes/a.md': node('a'), 'registry/nodes/b.md': node('b') });
    assert.equal((await cliInProcess(['validate', '--root', root])).code, 0);
    const { code, packages } = loadedPackages(['validate'], root);
    assert.equal(code, 0);
    assert.ok(packages.has('better-sqlite3'), 'the cache is opened');
    assert.deepEqual(['yaml', 'js-yaml', 'isomorphic-git', 'gray-matter'].filter((p) => packages.has(p)), []);
  });
});

describe('global options and our own usage errors', () => {
  it('takes global options before or after the command', async () => {
    const root = fleet({ 'registry/nodes/a.md': node('a') });
    const elsewhere = tempDir();
    for (const args of [['--root', root, 'validate'], ['validate', '--root', root], [`--root=${root}`, '--format', 'json', 'validate'], ['--format=json', 'validate', '--root', root]]) {
      const r = await cliInProcess(args, { cwd: elsewhere });
      assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
    }
    assert.equal((await cliInProcess(['--format', 'json', '--root', root, 'validate'], { cwd: elsewhere })).json<{ ok: boolean }>().ok, true);
  });

  it('names an unknown option, command or action in one line, with the closest one suggested', async () => {
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
      [['validate', '--format', 'xml'], /^fleethub validate: --format must be text or json, not 'xml'\n$/],
      [['diff', '--format', 'xml'], /^fleethub diff: --format must be text, json or md, not 'xml'\n$/],
      [['rollout', 'statsu', 'x'], /^fleethub rollout: unknown action 'statsu' \(did you mean 'status'\?\): use one of status, pause, resume, abort, simulate\n$/],
      [['intent', 'verfy'], /^fleethub intent: unknown action 'verfy' \(did you mean 'verify'\?\): use one of sign, verify\n$/],
      [['trust', 'pinn'], /^fleethub trust: unknown action 'pinn' \(did you mean 'pin'\?\): use one of pin, sign, verify\n$/],
      [['keys', 'gne', 'x'], /^fleethub keys: unknown action 'gne' \(did you mean 'gen'\?\): use one of gen\n$/],
      [['outbox', 'lsit'], /^fleethub outbox: unknown action 'lsit' \(did you mean 'list'\?\): use one of list, show, retry, drop\n$/],
      [['task', 'strat', 'WP', 'T01'], /^fleethub task: unknown action 'strat' \(did you mean 'start'\?\): use one of start, done, block, cancel, reopen\n$/],
      [['rollout', 'frobnicate', 'x'], /^fleethub rollout: unknown action 'frobnicate': use one of /],
    ];
    for (const [args, expected] of cases) {
      const r = await cliInProcess(args, { cwd: root });
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stdout, '', args.join(' '));
      assert.match(r.stderr, expected, args.join(' '));
      assert.equal(r.stderr.trimEnd().split('\n').length, 1, `one line: ${r.stderr}`);
      assert.doesNotMatch(r.stderr, /ERR_PARSE_ARGS|TypeError|\n\s+at /);
    }
  });

  it('help fits the width: long lines wrap (a synopsis under its first option, an option under its description), no word lost', async () => {
    const commands = (await cliInProcess(['--help', '--format', 'json'])).json<{ commands: Array<{ name: string }> }>().commands.map((c) => c.name);
    assert.ok(commands.length > 20);
    for (const args of [['--help'], ...commands.map((c) => [c, '--help'])]) {
      const narrow = (await cliInProcess(args, { env: { COLUMNS: '80' } })).stdout;
      const wide = (await cliInProcess(args, { env: { COLUMNS: '1000' } })).stdout;
      const over = narrow.split('\n').filter((l) => [...l].length > 80);
      assert.deepEqual(over, [], args.join(' '));
      assert.deepEqual(narrow.split(/\s+/), wide.split(/\s+/), `${args.join(' ')}: the same words`);
    }
    const reconcile = (await cliInProcess(['reconcile', '--help'], { env: { COLUMNS: '80' } })).stdout.split('\n');
    assert.match(reconcile[1]!, /^ {19}\[/, 'the synopsis continues under its first option');
    const option = reconcile.findIndex((l) => l.startsWith('  --probe '));
    assert.match(reconcile[option + 1]!, /^ {18}\S/, "an option's description continues under itself");
  });

  it('keeps arguments after -- as positionals', async () => {
    const root = fleet({ 'registry/nodes/a.md': node('a') });
    const r = await cliInProcess(['query', '--root', root, '--format', 'json', '--', 'SELECT id FROM nodes']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.json(), [{ id: 'a' }]);
  });

  it('refuses an argument to a command that takes options only, where it was ignored (exit 2, before anything runs)', async () => {
    const root = fleet({ 'registry/nodes/a.md': node('a') });
    for (const command of ['status', 'rebuild', 'plan', 'relay', 'hub', 'agent']) {
      const r = await cliInProcess([command, 'extra', '--root', root]);
      assert.deepEqual([r.code, r.stderr.trim()], [2, `fleethub: ${command} takes no arguments (got 'extra'); 'fleethub ${command} --help' lists its options`], command);
    }
    assert.equal(existsSync(join(root, '.fleethub')), false, 'nothing ran');
  });
});

describe('--format json errors', () => {
  it('prints {"error": {code, message, data}} on stdout with exit 2, and nothing on stderr', async () => {
    const root = fleet({ 'registry/nodes/a.md': node('a') });
    const elsewhere = tempDir();
    const cases: Array<[string[], string, Record<string, unknown>]> = [
      [['validate', '--bogus', '--format', 'json'], 'unknown-option', { option: '--bogus', command: 'validate' }],
      [['--format', 'json', 'valdate'], 'unknown-command', { command: 'valdate', suggestion: 'validate' }],
      [['validate', '--format=json'], 'root-not-found', { path: elsewhere, explicit: false, reason: 'missing' }],
      [['query', '--root', root, '--format', 'json', 'DELETE FROM nodes'], 'query', { sql: 'DELETE FROM nodes' }],
    ];
    for (const [args, code, data] of cases) {
      const r = await cliInProcess(args, { cwd: elsewhere });
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stderr, '', args.join(' '));
      const out = r.json<{ error: { code: string; message: string; data: Record<string, unknown> } }>();
      assert.deepEqual(Object.keys(out), ['error']);
      assert.equal(out.error.code, code, args.join(' '));
      assert.equal(typeof out.error.message, 'string');
      assert.deepEqual(out.error.data, data, args.join(' '));
    }
  });

  it('reports an internal error as JSON too, without a stack trace unless FLEETHUB_DEBUG is set', async () => {
    const root = fleet({ 'registry/nodes/a.md': node('a'), '.fleethub/cache.sqlite/x': 'a directory where the cache file goes' });
    const text = await cliInProcess(['validate', '--root', root]);
    assert.equal(text.code, 2);
    assert.match(text.stderr, /^fleethub validate: internal error: .*\(set FLEETHUB_DEBUG=1 to see the stack trace, and please report it\)\n$/);
    const json = await cliInProcess(['validate', '--root', root, '--format', 'json']);
    assert.equal(json.code, 2);
    assert.equal(json.json<{ error: { code: string } }>().error.code, 'internal');
    assert.doesNotMatch(json.stdout + json.stderr, /\n\s+at /);
    const debug = await cliInProcess(['validate', '--root', root], { env: { FLEETHUB_DEBUG: '1' } });
    assert.match(debug.stderr, /\n\s+at /, 'FLEETHUB_DEBUG=1 shows the stack');
  });
});

describe('validate <path>', () => {
  it('is an error naming the path when the path does not exist', async () => {
    const root = fleet({ 'registry/nodes/a.md': node('a') });
    const r = await cliInProcess(['validate', 'registry/nodes/nope.md'], { cwd: root });
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'fleethub validate: registry/nodes/nope.md does not exist\n');
    const j = await cliInProcess(['validate', 'registry/nodes/nope.md', '--format', 'json'], { cwd: root });
    assert.deepEqual(j.json(), { error: { code: 'path-not-found', message: 'registry/nodes/nope.md does not exist', data: { path: 'registry/nodes/nope.md' } } });
    assert.equal((await cliInProcess(['validate', 'registry/nodes/a.md'], { cwd: root })).code, 0, 'an existing path still validates');
  });

  it('a directory: every file below it, stray ones included, and nothing outside it', async () => {
    const root = fleet({ 'registry/nodes/a.md': node('a'), 'registry/nodes/deep/bad.md': '---\ntitle: [broken\n---\n', 'registry/nodes/notes.txt': 'x\n', 'registry/workloads/w.md': workload('w', 'adresses: []\n') });
    const lines = (r: { stdout: string }): string[] => r.stdout.split('\n').filter((l) => /^\S+:\d+:\d+: /.test(l)).map((l) => l.split(': ').slice(0, 2).join(': '));
    const nodes = await cliInProcess(['validate', 'registry/nodes'], { cwd: root });
    assert.equal(nodes.code, 1, nodes.stdout);
    assert.deepEqual(lines(nodes), ['registry/nodes/deep/bad.md:2:8: error[yaml-syntax]', 'registry/nodes/notes.txt:1:1: warning[unexpected-file]']);
    assert.match(nodes.stdout, /1 error\(s\), 1 warning\(s\) in 2 files\n$/);
    // From inside the directory, and for the whole repository: the same rule.
    assert.deepEqual(lines(await cliInProcess(['validate', '.'], { cwd: join(root, 'registry/nodes') })), lines(nodes));
    const all = await cliInProcess(['validate', '.'], { cwd: root });
    assert.deepEqual(lines(all), lines(await cliInProcess(['validate'], { cwd: root })));
    assert.equal(lines(all).length, 3, all.stdout);
    const one = await cliInProcess(['validate', 'registry/nodes/a.md'], { cwd: root });
    assert.match(one.stdout, /^ok: 1 file, 0 warning\(s\)\n$/);
    // From outside the repository (--root), paths are the repository's; from inside, the working directory's, and none may leave it.
    assert.deepEqual(lines(await cliInProcess(['validate', 'registry/nodes', '--root', root], { cwd: tmpdir() })), lines(nodes));
    const out = await cliInProcess(['validate', '../../../elsewhere'], { cwd: join(root, 'registry/nodes') });
    assert.deepEqual([out.code, out.stderr], [2, `fleethub validate: ../../../elsewhere is outside the fleet repository ${root}\n`]);
    // A symlinked directory: what the walk says of the link.
    symlinkSync('../workloads', join(root, 'registry/nodes/linked'));
    assert.deepEqual(lines(await cliInProcess(['validate', 'registry/nodes/linked'], { cwd: root })), ['registry/nodes/linked:1:1: warning[symlink-dir]']);
    // A link to nothing, given by name: the walk's error about it, not an empty ok.
    symlinkSync('nowhere.md', join(root, 'registry/nodes/dangling.md'));
    const dangling = await cliInProcess(['validate', 'registry/nodes/dangling.md'], { cwd: root });
    assert.deepEqual([dangling.code, lines(dangling)], [1, ['registry/nodes/dangling.md:1:1: error[symlink-escape]']]);
  });
});

describe('files under registry/ that no record directory holds', () => {
  it('each is a warning naming where records live (and the directory meant), never silently passed over; given by name, the same warning', async () => {
    const root = fleet({
      'registry/nodes/a.md': node('a'),
      'registry/b.md': node('b'),
      'registry/node/c.md': node('c'),
      'registry/old/nodes/d.md': node('d'),
      'registry/README.md': '# The registry\n',
      'registry/.notes.md': 'hidden\n',
    });
    const lines = (r: { stdout: string }): string[] => r.stdout.split('\n').filter((l) => /^\S+:\d+:\d+: /.test(l));
    const all = await cliInProcess(['validate'], { cwd: root });
    assert.equal(all.code, 0, 'warnings only');
    assert.deepEqual(lines(all), [
      'registry/b.md:1:1: warning[unexpected-file]: not in a record directory, so nothing reads it: records live in registry/nodes/, registry/workloads/, registry/intents/; ignored',
      'registry/node/c.md:1:1: warning[unexpected-file]: not in a record directory, so nothing reads it: records live in registry/nodes/, registry/workloads/, registry/intents/ (did you mean registry/nodes/?); ignored',
      'registry/old/nodes/d.md:1:1: warning[unexpected-file]: not in a record directory, so nothing reads it: records live in registry/nodes/, registry/workloads/, registry/intents/; ignored',
    ]);
    assert.match(all.stdout, /ok: 1 file, 3 warning\(s\)\n$/);
    const one = await cliInProcess(['validate', 'registry/node/c.md'], { cwd: root });
    assert.deepEqual([one.code, lines(one).map((l) => l.split(': ').slice(0, 2).join(': '))], [0, ['registry/node/c.md:1:1: warning[unexpected-file]']]);
    // A path that is no record at all, given by name: a usage error, not an empty ok.
    const readme = await cliInProcess(['validate', 'registry/README.md'], { cwd: root });
    assert.equal(readme.code, 2);
    assert.equal(readme.stderr, 'fleethub validate: registry/README.md is not a record file: records are registry/nodes/*.md, registry/workloads/*.md, registry/intents/*.md, workplans/*.md, policies/*.yaml, policies/*.yml; give one of those, a directory, or no path (the whole fleet)\n');
  });
});

describe('hints', () => {
  it('prints a code\'s hint once, under its first finding', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`registry/nodes/n${i}.md`] = node(`n${i}`, 'adresses: []\n');
    files['registry/nodes/bad.md'] = 'no front matter\n';
    const root = fleet(files);
    const r = await cliInProcess(['validate', '--root', root]);
    assert.equal(r.code, 1);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.filter((l) => /error\[unknown-key\]/.test(l)).length, 30);
    assert.equal(lines.filter((l) => l.startsWith('  hint: ')).length, 2, 'unknown-key once, frontmatter-missing once');
    const first = lines.findIndex((l) => /error\[unknown-key\]/.test(l));
    assert.match(lines[first + 1]!, /^ {2}hint: /, 'under the first finding of the code');
    const status = await cliInProcess(['status', '--root', root]);
    // status shows the reconcile loop's findings: the generated files' drift (no status/ here) too, its hint once.
    assert.equal(status.stdout.split('\n').filter((l) => /^\s+hint: /.test(l)).length, 3, status.stdout);
    assert.equal((await cliInProcess(['validate', '--root', root, '--format', 'json'])).json<{ errors: Array<{ hint?: string }> }>().errors.filter((e) => e.hint).length, 31, 'JSON keeps every hint');
  });
});

describe('text tables', () => {
  it('fit 100 columns, wrapping long cells', async () => {
    const long = 'a title that goes on and on '.repeat(8).trim();
    const root = fleet({ 'registry/nodes/a.md': `---\ntitle: ${long}\nrole: edge\narea: somewhere-with-a-long-name\n---\n`, 'registry/nodes/b.md': node('b') });
    const r = await cliInProcess(['query', '--root', root, 'SELECT id, role, area, title, title AS again FROM nodes ORDER BY id']);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.ok(lines.every((l) => [...l].length <= 100), lines.map((l) => [...l].length).join(' '));
    assert.match(lines[0]!, /^id +role +area +title +again$/);
    const words = lines.slice(2, -1).join(' ').split(/\s+/);
    assert.equal(words.filter((w) => w === 'on').length, 32, 'every word of both titles is still there');
  });

  it("status fits 80 columns: its counts wrap after a comma, and the Nodes table leaves out area (then target_role), saying so", async () => {
    const root = copyExampleFleet();
    try {
      const narrow = await cliInProcess(['status', '--root', root], { env: { COLUMNS: '80' } });
      const head = narrow.stdout.slice(0, narrow.stdout.indexOf('Workloads on hosts'));
      assert.ok(head.split('\n').every((l) => [...l].length <= 80), head);
      assert.doesNotMatch(head, /[a-z)]\n +\d/, 'no count is split from its name');
      assert.match(head, /^ {2}nodes {6}\S.*,\n {13}\S/m, 'a wrapped count line keeps its indent');
      const header = head.split('\n').find((l) => /^ {2}id +role /.test(l))!;
      assert.doesNotMatch(header, / area /, 'area left out first');
      assert.match(head, /^ {2}\(columns left out to fit the width: (target_role, )?area\)$/m, 'and said so');
      const wide = await cliInProcess(['status', '--root', root]);
      assert.match(wide.stdout, /^ {2}id +role +target_role +area +declared +mode +since +why$/m, 'at 100 columns, every column');
      assert.doesNotMatch(wide.stdout, /left out/);
    } finally {
      removeDir(root);
    }
  });

  it("reconcile's Nodes table shows times as status does (YYYY-MM-DD hh:mm:ss, which wraps at its space), JSON the exact ones", async () => {
    const root = fleet({ 'registry/nodes/a.md': node('a') });
    const at = '2026-12-01T10:20:30.456Z';
    writeFileSync(join(root, 'obs.json'), JSON.stringify({ fleethub: 'observations', version: 1, shard: { index: 1, count: 1 }, nodes: ['a'], observations: [{ node: 'a', at, ok: true, reason: 'all probes passed', results: [] }] }));
    const text = await cliInProcess(['reconcile', '--root', root, '--observations', join(root, 'obs.json')]);
    const nodes = text.stdout.slice(0, text.stdout.indexOf('\n\n'));
    assert.match(nodes, /^a +enabled +\S+ +\S.* 2026-12-01 10:20:30 /m, nodes);
    assert.doesNotMatch(nodes, /T\d\d:\d\d:\d\d\.\d+Z/, 'no ISO time in the table');
    const json = await cliInProcess(['reconcile', '--root', root, '--observations', join(root, 'obs.json'), '--format', 'json']);
    const first = json.json<{ nodes: Array<{ since: string | null; last_verified: string | null }> }>().nodes[0]!;
    assert.ok(first.since === at || first.last_verified === at, JSON.stringify(first));
  });

  it('fit the terminal instead when it says how wide it is (its width, or COLUMNS when output is not a terminal)', async () => {
    const long = 'a title that goes on and on '.repeat(8).trim();
    const root = fleet({ 'registry/nodes/a.md': `---\ntitle: ${long}\nrole: edge\n---\n` });
    const sql = 'SELECT id, role, title FROM nodes';
    const widest = (r: { stdout: string }): number => Math.max(...r.stdout.trimEnd().split('\n').map((l) => [...l].length));
    assert.ok(widest(await cliInProcess(['query', '--root', root, sql])) <= 100);
    const wide = await cliInProcess(['query', '--root', root, sql], { env: { COLUMNS: '300' } });
    assert.match(wide.stdout, new RegExp(`^a +edge +${long}$`, 'm'), 'one line: nothing wrapped');
    assert.ok(widest(await cliInProcess(['query', '--root', root, sql], { env: { COLUMNS: '60' } })) <= 60);
    for (const odd of ['wide', '', '0']) assert.ok(widest(await cliInProcess(['query', '--root', root, sql], { env: { COLUMNS: odd } })) <= 100, `COLUMNS=${odd}`);
    const { main } = await import('../src/cli/main.js');
    let out = '';
    const tty = { cwd: root, env: { NO_COLOR: '1', COLUMNS: '300' }, stdout: (t: string) => void (out += t), stderr: () => {}, stdoutIsTTY: true, stderrIsTTY: false, stdoutColumns: 70 };
    assert.equal(await main(['query', sql], tty), 0);
    assert.ok(Math.max(...out.trimEnd().split('\n').map((l) => [...l].length)) <= 70, 'a terminal: its own width, over COLUMNS');
  });

  it('align the same with and without colour', async () => {
    const { renderTable } = await import('../src/report/renderTable.js');
    const { COLOR } = await import('../src/report/style.js');
    const rows = [{ node: 'a', result: 'ok', ms: 1 }, { node: 'bbbbbb', result: 'connection refused', ms: 22 }];
    const plain = renderTable(['node', 'result', 'ms'], rows, { maxWidth: 100 });
    const painted = renderTable(['node', 'result', 'ms'], rows.map((r) => ({ ...r, result: r.result === 'ok' ? COLOR.green(r.result) : COLOR.red(r.result) })), { maxWidth: 100 });
    assert.notEqual(painted, plain);
    assert.equal(painted.replace(/\x1b\[[0-9;]*m/g, ''), plain);
    const narrow = renderTable(['node', 'result'], [{ node: 'a', result: COLOR.red('a long failure message that has to wrap') }], { maxWidth: 30 });
    assert.ok(narrow.split('\n').every((l) => [...l.replace(/\x1b\[[0-9;]*m/g, '')].length <= 30), narrow);
    assert.ok(narrow.split('\n').slice(2).every((l) => l.includes('\x1b[31m') && l.endsWith('\x1b[39m')), 'each wrapped line keeps its colour');
  });

  it('narrowed to fit keep the first column (the row\'s identity) and every header whole while other columns can give', async () => {
    const { renderTable } = await import('../src/report/renderTable.js');
    const row = { id: 'ifcm-rufms-s-mo1cr', role: 'production-home', target_role: '', area: 'daarion-edge', since: '2026-11-22 06:05:06', why: 'declared planned: true (not provisioned yet)' };
    const table = renderTable(['id', 'role', 'target_role', 'area', 'since', 'why'], [row], { maxWidth: 80 });
    const lines = table.split('\n');
    assert.ok(lines.every((l) => l.length <= 80), table);
    assert.match(lines[0]!, /^id +role +target_role +area +since +why$/, 'headers whole, on one line');
    assert.match(lines[2]!, /^ifcm-rufms-s-mo1cr  /, 'the id whole');
    assert.match(table, /2026-11-22.*\n.*06:05:06/, 'the time wraps at its space');
  });
});

describe('control characters in text output', () => {
  const nasty = 'x\x1b]0;pwned\x07y\nz\u009b2J';
  it('are escaped in text (one finding, one line; no ESC, BEL or C1 reaches the terminal) and exact in JSON', async () => {
    // The title as YAML escapes: the parsed title holds the real ESC, BEL, newline and C1 characters.
    const root = fleet({ 'registry/nodes/ok.md': '---\ntitle: "T x\\x1b]0;pwned\\x07y\\nz\\x9b2J"\nrole: edge\n---\n' });
    writeFileSync(join(root, 'registry/nodes', `${nasty}.md`), `---\ntitle: T ${nasty}\nrole: edgy\n---\n`);
    const r = await cliInProcess(['validate', '--root', root]);
    assert.equal(r.code, 1);
    assert.doesNotMatch(r.stdout, /[\x00-\x09\x0b-\x1f\x7f-\x9f]/, 'no control character but the line ends');
    const findings = r.stdout.split('\n').filter((l) => /^\S.*(error|warning)\[/.test(l));
    assert.ok(findings.length >= 1);
    assert.ok(findings.every((l) => l.startsWith('registry/nodes/x\\x1b]0;pwned\\x07y\\nz\\x9b2J.md:')), findings.join('\n'));
    const j = (await cliInProcess(['validate', '--root', root, '--format', 'json'])).json<{ errors: Array<{ file: string }> }>();
    assert.ok(j.errors.some((e) => e.file === `registry/nodes/${nasty}.md`), 'JSON has the exact name');
    const q = await cliInProcess(['query', '--root', root, 'SELECT title FROM nodes ORDER BY title']);
    assert.doesNotMatch(q.stdout, /[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
    assert.match(q.stdout, /^T x\\x1b\]0;pwned\\x07y\\nz\\x9b2J$/m, 'the title, escaped, on one line');
    assert.deepEqual((await cliInProcess(['query', '--root', root, '--format', 'json', 'SELECT title FROM nodes'])).json(), [{ title: `T ${nasty}` }], 'JSON has the exact title');
    const status = await cliInProcess(['status', '--root', root]);
    assert.doesNotMatch(status.stdout, /[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
  });

  it("a file's colour codes are escaped when the output has no colour (NO_COLOR, a pipe), and our own are kept when it has", async () => {
    const root = fleet({ 'registry/nodes/red.md': '---\ntitle: "\\x1b[31mRED\\x1b[39m"\nrole: edge\n---\n', 'registry/nodes/bad.md': '---\nrole: edgy\n---\n' });
    const q = await cliInProcess(['query', '--root', root, 'SELECT title FROM nodes']);
    assert.doesNotMatch(q.stdout, /\x1b/, 'no ESC reaches a pipe');
    assert.match(q.stdout, /^\\x1b\[31mRED\\x1b\[39m$/m, 'the title, its colour codes escaped');
    const onTty = await cliInProcess(['query', '--root', root, 'SELECT title FROM nodes'], { tty: true });
    assert.doesNotMatch(onTty.stdout, /\x1b/, 'NO_COLOR on a terminal: no ESC either');
    const coloured = await cliInProcess(['validate', '--root', root], { tty: true, env: { NO_COLOR: undefined as unknown as string } });
    assert.equal(coloured.code, 1);
    assert.match(coloured.stdout, /\x1b\[1mregistry\/nodes\/bad\.md:\d+:\d+\x1b\[22m/, 'in colour, our bold is kept');
  });
});

describe('a .fleethub that is not a directory', () => {
  it('is a usage error naming it (exit 2), for the commands that read the fleet, in text and JSON', async () => {
    const root = fleet({ 'registry/nodes/a.md': node('a') });
    writeFileSync(join(root, '.fleethub'), 'not a directory\n');
    for (const command of ['validate', 'status', 'rebuild']) {
      const r = await cliInProcess([command, '--root', root]);
      assert.equal(r.code, 2, `${command}: ${r.stderr}`);
      assert.match(r.stderr, new RegExp(`^fleethub ${command}: \\.fleethub is not a directory \\(a file is there\\).*move that aside`), command);
      assert.doesNotMatch(r.stderr, /internal error|EEXIST/);
    }
    const j = await cliInProcess(['status', '--root', root, '--format', 'json']);
    assert.equal(j.json<{ error: { code: string } }>().error.code, 'state-dir-unusable');
  });
});
