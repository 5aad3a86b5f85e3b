/**
 * `fleethub init` as a new user meets it: the "next" steps it prints work as printed on a machine
 * without a published fleethub package, the scaffold is a Git repository with lockfile-free
 * workflows and schemas wired for the Markdown records too, and a target that cannot be a fleet
 * repository (a file, a symlink, /proc) is a one-line usage error, exit 2, with nothing created.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BIN, cliInProcess, type CliRun, REPO, removeDir, tempDir } from './helpers/fleet.js';

const dirs: string[] = [];
const scratch = (): string => {
  const d = tempDir('fleethub-init-');
  dirs.push(d);
  return d;
};
after(() => dirs.forEach(removeDir));

describe('fleethub init: next steps and scaffold', () => {
  const parent = scratch();
  const dir = join(parent, 'my-fleet');
  let r: CliRun;
  before(async () => {
    r = await cliInProcess(['init', dir]);
  });

  it('succeeds, initialises Git, and its printed CLI commands run as printed', () => {
    assert.equal(r.code, 0, r.stderr);
    assert.ok(lstatSync(join(dir, '.git')).isDirectory(), 'a Git repository');
    const lines = r.stdout.split('\n');
    const start = lines.findIndex((l) => l.startsWith('next'));
    assert.ok(start > 0, r.stdout);
    const steps = lines.slice(start + 1).map((l) => l.trim()).filter(Boolean);
    assert.equal(steps[0], `cd ${dir}`);
    assert.ok(!steps.some((s) => /^fleethub |^npx /.test(s)), 'no command that needs a published or installed package');
    const cliSteps = steps.filter((s) => s.startsWith('node '));
    assert.deepEqual(cliSteps.map((s) => s.split(' && ')[0]), [`node ${BIN} validate`, `node ${BIN} status`, `node ${BIN} reconcile --write`]);
    // Every step but the optional npm install, in order, as printed: the repository ends committed and in agreement with itself.
    const env = { ...process.env, NO_COLOR: '1', GIT_AUTHOR_NAME: 'New User', GIT_AUTHOR_EMAIL: 'new@example.invalid', GIT_COMMITTER_NAME: 'New User', GIT_COMMITTER_EMAIL: 'new@example.invalid' };
    for (const step of steps.slice(1).filter((s) => !s.startsWith('npm install'))) {
      const res: ReturnType<typeof spawnSync> = spawnSync('/bin/sh', ['-c', `${steps[0]} && ${step}`], { encoding: 'utf8', env, timeout: 60_000 });
      assert.equal(res.status, 0, `${step}\n${String(res.stdout)}${String(res.stderr)}`);
    }
    const check = spawnSync(process.execPath, [BIN, 'reconcile', '--check'], { cwd: dir, encoding: 'utf8', env, timeout: 60_000 });
    assert.equal(check.status, 0, `reconcile --check after the steps:\n${check.stdout}${check.stderr}`);
    const clean = spawnSync('git', ['status', '--porcelain'], { cwd: dir, encoding: 'utf8' });
    assert.equal(clean.stdout, '', 'everything committed');
  });

  it('takes fleethub from this installation, and the workflows need no lockfile', () => {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    assert.equal(pkg.devDependencies.fleethub, `file:${REPO.replace(/\/$/, '')}`);
    assert.ok(existsSync(join(pkg.devDependencies.fleethub.slice('file:'.length), 'bin', 'fleethub.js')));
    assert.ok(!existsSync(join(dir, 'package-lock.json')));
    for (const wf of readdirSync(join(dir, '.forgejo/workflows'))) {
      const text = readFileSync(join(dir, '.forgejo/workflows', wf), 'utf8');
      assert.doesNotMatch(text, /npm ci/, wf);
      assert.match(text, /npm install --global --no-audit --no-fund "\$FLEETHUB_PACKAGE"/, wf);
    }
  });

  it('wires the schemas for the Markdown records: a modeline in each front matter and VS Code globs', () => {
    const records: Array<[string, string]> = [['registry/nodes/edge-1.md', '../../schemas/node.schema.json'], ['registry/workloads/web.md', '../../schemas/workload.schema.json'], ['workplans/WP-0001.md', '../schemas/workplan.schema.json']];
    for (const [file, schema] of records) {
      const lines = readFileSync(join(dir, file), 'utf8').split('\n');
      assert.equal(lines[0], '---', file);
      assert.equal(lines[1], `# yaml-language-server: $schema=${schema}`, file);
      assert.ok(existsSync(join(dir, file, '..', schema)), `${file}: ${schema} resolves`);
    }
    const settings = JSON.parse(readFileSync(join(dir, '.vscode/settings.json'), 'utf8')) as { 'yaml.schemas': Record<string, string> };
    assert.deepEqual(settings['yaml.schemas'], {
      './schemas/policy.schema.json': 'policies/*.yaml',
      './schemas/node.schema.json': 'registry/nodes/*.md',
      './schemas/workload.schema.json': 'registry/workloads/*.md',
      './schemas/intent.schema.json': 'registry/intents/*.md',
      './schemas/workplan.schema.json': 'workplans/*.md',
    });
    for (const schema of Object.keys(settings['yaml.schemas'])) assert.ok(existsSync(join(dir, schema)), schema);
  });
});

describe('fleethub init: targets that cannot be a fleet repository', () => {
  const refused = async (target: string, message: RegExp): Promise<void> => {
    const r = await cliInProcess(['init', target]);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr.trim().split('\n').length, 1, `one line: ${r.stderr}`);
    assert.match(r.stderr, message);
  };

  it('a file, or a path through a file', async () => {
    const d = scratch();
    writeFileSync(join(d, 'file'), 'x');
    await refused(join(d, 'file'), /file is a file, not a directory/);
    await refused(join(d, 'file', 'sub'), /file is a file, not a directory/);
    assert.deepEqual(readdirSync(d), ['file']);
    assert.equal(readFileSync(join(d, 'file'), 'utf8'), 'x');
  });

  it('a dangling symlink: refused, and nothing is created where it points', async () => {
    const d = scratch();
    symlinkSync(join(d, 'nowhere'), join(d, 'link'));
    await refused(join(d, 'link'), /link is a symbolic link/);
    assert.deepEqual(readdirSync(d), ['link']);
  });

  it('/proc/newfleet is refused promptly (bounded run), not spun on', { skip: !existsSync('/proc/self') }, () => {
    // A process: only a timeout that kills it can bound a run that spins (in this process it would hang the test).
    const r = spawnSync(process.execPath, [BIN, 'init', '/proc/newfleet/deeper'], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(r.signal, null, 'finished on its own, not killed by the timeout');
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /\/proc is on a proc pseudo file system/);
    assert.ok(!existsSync('/proc/newfleet'));
  });

  it('a directory that is not empty', async () => {
    const d = scratch();
    writeFileSync(join(d, 'notes.txt'), 'mine');
    await refused(d, /is not empty/);
    assert.deepEqual(readdirSync(d), ['notes.txt']);
  });
});
