import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { BIN, cliInProcess, fleetMaker, node, workload, writeFile, REPO, type ValidateJson } from './helpers/fleet.js';

const { fleet, tempDir, cleanup } = fleetMaker();
after(cleanup);

describe('fleethub validate', () => {
  it('exits 0 on a clean fleet, with warnings allowed', async () => {
    const root = fleet({ 'registry/nodes/a.md': node('a'), 'registry/workloads/w.md': workload('w', 'host: nowhere\n') });
    const r = await cliInProcess(['validate', '--root', root, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const out = r.json<ValidateJson>();
    assert.equal(out.ok, true);
    assert.deepEqual(out.errors, []);
    assert.deepEqual(
      out.warnings.map((w) => [w.file, w.line, w.column, w.code, w.id]),
      [['registry/workloads/w.md', 4, 7, 'unknown-reference', 'w']],
    );
  });

  it('exits 1 and reports every error at once as path:line:col: error[code]: message plus a hint', async () => {
    const root = fleet({
      'registry/nodes/a.md': '---\ntitle: A\nrole: edgy\n---\n',
      'registry/nodes/b.md': 'no front matter\n',
      'policies/rollout.yaml': 'kind: rollout\nmax_parallel: zero\n',
    });
    const r = await cliInProcess(['validate', '--root', root]);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, '');
    const lines = r.stdout.trimEnd().split('\n');
    assert.deepEqual(
      lines.filter((l) => !l.startsWith(' ')),
      [
        "policies/rollout.yaml:2:15: error[schema]: 'max_parallel' must be integer",
        'registry/nodes/a.md:3:7: error[schema]: \'role\' must be one of: primary, replica, edge, relay, ingress, egress, control, build, workstation, production-home, legacy, dev',
        "registry/nodes/b.md:1:1: error[frontmatter-missing]: file does not start with a '---' front matter block",
        '3 error(s), 0 warning(s) in 3 files',
      ],
    );
    const hints = lines.filter((l) => l.startsWith('  hint: '));
    assert.equal(hints.length, 3, 'each schema error says what to write there, and frontmatter-missing its own');
    assert.match(hints[0]!, /write a plain number, without quotes or units \(schemas\/rollout\.schema\.json/);
    assert.match(hints[1]!, /write one of the values listed .*\(schemas\/node\.schema\.json/);
  });

  it('a second modes, rollout or trust policy, or one outside its file, is an error at its kind: one file each, the one node agents read', async () => {
    const root = fleet({
      'registry/nodes/a.md': node('a'),
      'policies/modes.yaml': 'kind: modes\nfailure_threshold: 3\nsuccess_threshold: 2\n',
      'policies/modes-strict.yaml': '# stricter\nkind: modes\nfailure_threshold: 1\nsuccess_threshold: 1\n',
      'policies/caps.yaml': 'kind: rollout\nmax_parallel: 1\n',
      'policies/trust.yml': 'kind: trust\nkeys: []\nroles: []\n',
      'policies/freeze-a.yaml': 'kind: freeze\nfrozen:\n  - host: a\n    since: "2026-01-01"\n    reason: r\n',
      'policies/freeze-b.yaml': 'kind: freeze\nfrozen:\n  - host: a\n    since: "2026-02-01"\n    reason: r\n',
    });
    const r = await cliInProcess(['validate', '--root', root, '--format', 'json']);
    assert.equal(r.code, 1, r.stdout);
    const out = r.json<ValidateJson>();
    assert.deepEqual(
      out.errors.map((e) => [e.file, e.line, e.column, e.code]),
      [
        ['policies/caps.yaml', 1, 7, 'policy-misplaced'],
        ['policies/modes-strict.yaml', 2, 7, 'policy-misplaced'],
        ['policies/trust.yml', 1, 7, 'policy-misplaced'],
      ],
      'several freezes are fine; policies/modes.yaml itself is the one used',
    );
    assert.match(out.errors[0]!.message, /a rollout policy is read from policies\/rollout\.yaml only \(a fleet has one, and node agents read that path\), so this one is not used/);
    assert.match(out.errors[1]!.message, /a modes policy is read from policies\/modes\.yaml only/);
  });

  it('validates given paths plus the records that refer to them', async () => {
    const root = fleet({ 'registry/nodes/a.md': node('a'), 'registry/workloads/w.md': workload('w', 'host: a\n'), 'registry/nodes/z.md': '---\ntitle: [\n---\n' });
    assert.equal((await cliInProcess(['validate', '--root', root])).code, 1);
    writeFile(root, 'registry/nodes/a.md', '---\ntitle: A\nrole: nope\n---\n');
    const r = await cliInProcess(['validate', 'registry/nodes/a.md', '--format', 'json'], { cwd: root });
    const out = r.json<ValidateJson>();
    assert.equal(r.code, 1);
    assert.deepEqual(out.errors.map((e) => e.file), ['registry/nodes/a.md'], 'z.md is not among the given paths');
    assert.deepEqual(out.warnings.map((e) => [e.file, e.code]), [['registry/workloads/w.md', 'unknown-reference']], 'the workload referring to a.md is');
  });

  it('a given file that takes an id from another file: the clash is reported though the finding is on the other file (validate <path>, --staged)', async () => {
    const root = fleet({ 'registry/nodes/node4.md': node('node4') });
    assert.equal((await cliInProcess(['validate', '--root', root])).code, 0);
    writeFile(root, 'registry/nodes/eu/node4.md', node('node4'));
    for (const args of [['validate', 'registry/nodes/eu/node4.md'], ['validate', 'registry/nodes/eu']]) {
      const r = await cliInProcess([...args, '--format', 'json'], { cwd: root });
      assert.equal(r.code, 1, args.join(' '));
      assert.deepEqual(r.json<ValidateJson>().errors.map((e) => [e.file, e.code]), [['registry/nodes/node4.md', 'duplicate-id']], args.join(' '));
    }
  });

  it('finds the fleet repository from a subdirectory, or takes --root', async () => {
    const root = fleet({ 'registry/nodes/a.md': node('a') });
    assert.equal((await cliInProcess(['validate'], { cwd: join(root, 'registry', 'nodes') })).code, 0);
    const elsewhere = tempDir();
    const r = await cliInProcess(['validate'], { cwd: elsewhere });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no fleet repository at or above/);
    assert.equal((await cliInProcess(['validate', '--root', root], { cwd: elsewhere })).code, 0);
  });

  it('never prints a stack trace for bad input, and exits 2 on usage errors', async () => {
    const root = fleet({ 'registry/nodes/a.md': node('a') });
    for (const args of [['validate', '--bogus'], ['validate', '--format', 'xml'], ['nonsense'], ['query'], ['init']]) {
      const r = await cliInProcess([...args, '--root', root]);
      assert.equal(r.code, 2, args.join(' '));
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    }
  });
});

describe('fleethub status', () => {
  it('prints the same JSON bytes for the same files, and counts kinds and modes', async () => {
    const root = fleet({
      'registry/nodes/a.md': node('a'),
      'registry/nodes/b.md': node('b', 'enabled: false\n'),
      'registry/workloads/w.md': workload('w', 'host: a\ntarget_host: b\nowner: ops\n'),
      'workplans/WP.md': '---\ntitle: WP\nstatus: active\n---\n- [x] T1 one\n- [ ] T2 two [depends:: T1]\n',
    });
    const first = await cliInProcess(['status', '--root', root, '--format', 'json']);
    const second = await cliInProcess(['status', '--root', root, '--format', 'json', '--rebuild']);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.stdout, second.stdout);
    const s = first.json<{ counts: Record<string, number>; nodes: { byMode: Record<string, number> }; workloads: { moving: number }; tasks: Record<string, number> }>();
    assert.deepEqual(s.counts, { node: 2, task: 2, workload: 1, workplan: 1 });
    assert.deepEqual(s.nodes.byMode, { DISABLED: 1, UNKNOWN: 1 });
    assert.equal(s.workloads.moving, 1);
    assert.deepEqual(s.tasks, { done: 1, todo: 1 });
    const text = await cliInProcess(['status', '--root', root]);
    assert.match(text.stdout, /records\s+node 2, task 2, workload 1, workplan 1/);
  });
});

describe('fleethub query', () => {
  it('prints rows as a table or JSON', async () => {
    const root = fleet({ 'registry/nodes/a.md': node('a', 'area: home\n'), 'registry/nodes/b.md': node('b', 'area: lab\n') });
    const r = await cliInProcess(['query', 'SELECT id, area FROM nodes ORDER BY id', '--root', root, '--format', 'json']);
    assert.deepEqual(r.json(), [
      { id: 'a', area: 'home' },
      { id: 'b', area: 'lab' },
    ]);
    const t = await cliInProcess(['query', 'SELECT id, area FROM nodes ORDER BY id', '--root', root]);
    assert.match(t.stdout, /^id\s+area\n-+\na\s+home\nb\s+lab\n\(2 rows\)\n$/);
  });

  it('refuses writes and bad SQL with a clear message and exit 2', async () => {
    const root = fleet({ 'registry/nodes/a.md': node('a') });
    const w = await cliInProcess(['query', 'DELETE FROM nodes', '--root', root]);
    assert.equal(w.code, 2);
    assert.match(w.stderr, /only read-only queries/);
    const bad = await cliInProcess(['query', 'SELECT * FROM nowhere', '--root', root]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /no such table: nowhere/);
    assert.equal((await cliInProcess(['query', 'SELECT count(*) AS n FROM nodes', '--root', root, '--format', 'json'])).json<Array<{ n: number }>>()[0]!.n, 1);
  });
});

describe('fleethub --help', () => {
  it('has help for every command', async () => {
    const top = await cliInProcess(['--help']);
    assert.equal(top.code, 0);
    for (const name of ['validate', 'status', 'query', 'rebuild', 'init']) {
      assert.match(top.stdout, new RegExp(`\\n  ${name}\\s`));
      const r = await cliInProcess([name, '--help']);
      assert.equal(r.code, 0, name);
      assert.match(r.stdout, new RegExp(`^fleethub ${name}`));
      assert.match(r.stdout, /--format text\|json/);
    }
  });

  it('asked for JSON, answers in JSON: the commands, one command\'s usage, and no command as a usage error (exit 2)', async () => {
    const top = await cliInProcess(['--help', '--format', 'json']);
    assert.equal(top.code, 0);
    const names = top.json<{ commands: Array<{ name: string; summary: string }> }>().commands.map((c) => c.name);
    assert.ok(['validate', 'status', 'reconcile', 'agent', 'hub'].every((n) => names.includes(n)), names.join(' '));
    const one = await cliInProcess(['status', '--help', '--format', 'json']);
    assert.equal(one.json<{ command: string; usage: string }>().command, 'status');
    assert.match(one.json<{ usage: string }>().usage, /^fleethub status /);
    const none = await cliInProcess(['--format', 'json']);
    assert.equal(none.code, 2);
    assert.equal(none.json<{ error: { code: string } }>().error.code, 'usage');
    assert.match(none.json<{ error: { message: string } }>().error.message, /^give a command \(validate, status/);
    const twice = await cliInProcess(['status', '--root', '/tmp/one', '--root', '/tmp/two']);
    assert.deepEqual([twice.code, twice.stderr], [2, 'fleethub: --root is given twice (--root /tmp/one and --root /tmp/two); give it once\n'], 'never silently the last');
    const text = await cliInProcess([]);
    assert.equal(text.code, 2, 'people still get the usage');
    assert.match(text.stdout, /^fleethub: a files-first GitOps reconciler/);
  });
});

describe('fleethub init', () => {
  it('scaffolds a fleet repository that validates clean, with schemas wired up', async () => {
    const dir = join(tempDir(), 'my-fleet');
    const r = await cliInProcess(['init', dir]);
    assert.equal(r.code, 0, r.stderr);
    for (const f of ['registry/nodes/edge-1.md', 'registry/workloads/web.md', 'workplans/WP-0001.md', 'policies/modes.yaml', 'policies/checks.yaml', 'policies/freeze.yaml', 'policies/promotion-gate.yaml', 'policies/drain-sequence.yaml', 'policies/rollout.yaml', 'policies/trust.yaml', 'schemas/node.schema.json', '.vscode/settings.json', '.gitignore', 'package.json', '.forgejo/workflows/fleethub-check.yml', '.forgejo/workflows/fleethub-reconcile.yml', 'status/BOARD.md', 'status/modes.json', 'status/runtime-registry.json']) {
      assert.ok(existsSync(join(dir, f)), f);
    }
    assert.match(readFileSync(join(dir, 'policies/modes.yaml'), 'utf8'), /^# yaml-language-server: \$schema=\.\.\/schemas\/modes\.schema\.json/);
    const v = await cliInProcess(['validate', '--root', dir, '--format', 'json']);
    assert.equal(v.code, 0, v.stdout);
    assert.deepEqual(v.json<ValidateJson>().warnings, []);
    assert.equal((await cliInProcess(['reconcile', '--check', '--root', dir])).code, 0, 'the scaffold ships its first status/');
    const again = await cliInProcess(['init', dir]);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /not empty/);
  });
});

describe('pre-commit hook', () => {
  it('package.json wires simple-git-hooks to validate --staged', () => {
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { 'simple-git-hooks': Record<string, string> };
    assert.equal(pkg['simple-git-hooks']['pre-commit'], 'node bin/fleethub.js validate --staged');
  });

  it('in a real Git repository, rejects a commit with a bad record and accepts a good one', () => {
    const root = fleet({ 'registry/nodes/a.md': node('a'), 'registry/workloads/w.md': workload('w', 'host: a\n') });
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: root, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' } });
    git('init', '-q');
    writeFileSync(join(root, '.git/hooks/pre-commit'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" validate --staged\n`);
    chmodSync(join(root, '.git/hooks/pre-commit'), 0o755);
    git('add', '.');
    git('commit', '-qm', 'good');
    writeFile(root, 'registry/nodes/bad.md', '---\ntitle: Bad\nrole: edgy\n---\n');
    git('add', 'registry/nodes/bad.md');
    assert.throws(() => git('commit', '-qm', 'bad'), /registry\/nodes\/bad\.md:3:7: error\[schema\]/);
    git('rm', '-q', '--cached', 'registry/nodes/bad.md');
    git('rm', '-q', 'registry/nodes/a.md');
    let out = '';
    try {
      git('commit', '-qm', 'delete a node a workload still uses');
    } catch (e) {
      out = String((e as { stdout?: string }).stdout);
    }
    assert.equal(out, '', 'a dangling reference is a warning, so the commit goes through');
    assert.match(git('log', '--oneline'), /delete a node/);
  });

  it('--staged judges what is staged, not the working tree: a bad staged file fixed only on disk is refused, a good one broken only on disk passes', () => {
    const root = fleet({ 'registry/nodes/a.md': node('a') });
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: root, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' } });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'good');
    writeFile(root, 'registry/nodes/b.md', '---\ntitle: B\nrole: edge\nbogus: 1\n---\n');
    git('add', 'registry/nodes/b.md');
    writeFile(root, 'registry/nodes/b.md', '---\ntitle: B\nrole: edge\n---\n');
    const bad = spawnSync(process.execPath, [BIN, 'validate', '--staged'], { cwd: root, encoding: 'utf8' });
    assert.equal(bad.status, 1, bad.stdout + bad.stderr);
    assert.match(bad.stdout, /registry\/nodes\/b\.md:4:1: error\[unknown-key\]/);
    assert.match(bad.stdout, /in 1 file as staged/);
    git('add', 'registry/nodes/b.md');
    writeFile(root, 'registry/nodes/b.md', '---\ntitle: B\nrole: edgy\n---\n');
    writeFile(root, 'registry/nodes/c.md', '---\ntitle: C\nrole: edgy\n---\n'); // untracked: not in the commit
    const checkouts = (): string[] => readdirSync(tmpdir()).filter((n) => n.startsWith('fleethub-staged-'));
    const before = checkouts();
    const good = spawnSync(process.execPath, [BIN, 'validate', '--staged'], { cwd: root, encoding: 'utf8' });
    assert.equal(good.status, 0, good.stdout + good.stderr);
    assert.match(good.stdout, /ok: 1 file as staged/);
    assert.match(readFileSync(join(root, 'registry/nodes/b.md'), 'utf8'), /edgy/, 'the working tree is untouched');
    assert.deepEqual(checkouts(), before, 'the checkout of the index is removed');
  });
});
