/**
 * Regression tests for the hardening pass (issue 10 "silent loss and wrong answers", issue 9 "errors that
 * are not swallowed"): each failed before its fix.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { refreshCache } from '../src/cache/refreshCache.js';
import { CacheDataError, RepoFileUnreadableError } from '../src/errors.js';
import { placementHistory } from '../src/repo/placementHistory.js';
import { readPolicyInput } from '../src/policy/readPolicyInput.js';
import { createLocator } from '../src/records/locate.js';
import { readRepoText } from '../src/repo/readRepoText.js';
import { walkFleet, type WalkFs } from '../src/repo/walkFleet.js';
import { cliInProcess, fleetMaker } from './helpers/fleet.js';
import { parseFleetDate } from '../src/policy/parseFleetDate.js';
import { findBadValues } from '../src/records/findBadValues.js';
import { parseRecordFile } from '../src/records/parseRecordFile.js';
import { createValidators } from '../src/records/validators.js';

const validators = createValidators();
const parse = (path: string, text: string, kind: Parameters<typeof parseRecordFile>[1]) => parseRecordFile(path, kind, new TextEncoder().encode(text), validators);
const found = (r: ReturnType<typeof parse>): string[] => r.findings.map((f) => `${f.line}:${f.col} ${f.severity}[${f.code}]`);

describe('numbers and dates that cannot mean what they say', () => {
  // Plain block YAML and, with an anchor, the same file: both parsed by js-yaml, both checked the same.
  const simple = 'kind: modes\nfailure_threshold: 1e400\nsuccess_threshold: 2\n';
  const flow = `${simple}x-a: &a 1\nx-b: *a\n`;

  for (const [name, text] of [['simple parser', simple], ['js-yaml', flow]] as const) {
    it(`1e400 is an error at its position, not a null threshold (${name})`, () => {
      const r = parse('policies/modes.yaml', text, 'policy');
      assert.deepEqual(found(r), ['2:20 error[non-finite-number]']);
      assert.equal(r.records.length, 0, 'the policy stays out of the cache');
    });
  }

  it('.inf, -.inf and .nan are errors too', () => {
    const r = parse('policies/modes.yaml', 'kind: modes\nfailure_threshold: .inf\nsuccess_threshold: -.inf\nx-n: .nan\n', 'policy');
    assert.deepEqual(found(r), ['2:20 error[non-finite-number]', '3:20 error[non-finite-number]', '4:6 error[non-finite-number]']);
  });

  it('a check expectation of 1e400 is an error, not "no expectation"', () => {
    const text = 'kind: checks\nchecks:\n  - id: c1\n    title: C\n    sql: SELECT 1\n    expect:\n      at_most: 1e400\n';
    assert.deepEqual(found(parse('policies/checks.yaml', text, 'policy')), ['7:16 error[non-finite-number]']);
  });

  it('2026-02-31 and 2026-04-31T10:00:00Z are impossible dates; 2024-02-29 is a day', () => {
    const text = '---\ntitle: W\nkind: service\npromotion:\n  backup_drill: 2026-02-31\n  canary_observed: 2024-02-29\n  approved_at: 2026-04-31T10:00:00Z\n---\n';
    const r = parse('registry/workloads/w1.md', text, 'workload');
    assert.deepEqual(found(r), ['5:17 error[impossible-date]', '7:16 error[impossible-date]']);
    assert.match(r.findings[0]!.message, /February 2026 has 28 days/);
  });

  it('an impossible date in flow syntax (js-yaml) is found at its position', () => {
    const text = '---\ntitle: W\nkind: service\npromotion: { backup_drill: &d 2025-02-29 }\nx-d: *d\n---\n';
    assert.deepEqual(found(parse('registry/workloads/w1.md', text, 'workload')), ['4:31 error[impossible-date]', '5:6 error[impossible-date]']);
  });

  it('findBadValues gives JSON pointers, escaped', () => {
    assert.deepEqual(
      findBadValues({ a: [1, Infinity], 'b/c': { d: '1900-02-29' }, e: '2000-02-29', f: 'not 2026-02-31' }).map((b) => [b.pointer, b.code]),
      [['/a/1', 'non-finite-number'], ['/b~1c/d', 'impossible-date']],
    );
  });

  it('parseFleetDate does not roll an impossible day into the next month', () => {
    assert.equal(parseFleetDate('2026-02-31'), null);
    assert.equal(parseFleetDate('2026-02-29T10:00:00Z'), null);
    assert.equal(parseFleetDate('2024-02-29'), Date.UTC(2024, 1, 29));
    assert.equal(parseFleetDate('2026-07-03 10:00'), Date.UTC(2026, 6, 3, 10));
  });
});

const { fleet, tempDir, cleanup } = fleetMaker();
after(cleanup);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const NODE = '---\ntitle: N\nrole: edge\n---\n';
const WORKPLAN = '---\ntitle: Outside\n---\n- [ ] T01 Task\n';
const eacces = (path: string): NodeJS.ErrnoException => Object.assign(new Error(`EACCES: permission denied, scandir '${path}'`), { code: 'EACCES' });

describe('symlinked kind directories', () => {
  it('task done refuses a workplan behind workplans -> outside, and writes nothing there', async () => {
    const root = fleet({ 'registry/nodes/n1.md': NODE });
    const outside = tempDir();
    writeFileSync(join(outside, 'wp1.md'), WORKPLAN);
    symlinkSync(outside, join(root, 'workplans'));
    const r = await cliInProcess(['task', 'done', 'wp1', 'T01', '--queue', '--root', root]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /workplans\/ symlink leads outside the repository/);
    assert.equal(r.stderr.trim().split('\n').length, 1, 'one line');
    assert.equal(readFileSync(join(outside, 'wp1.md'), 'utf8'), WORKPLAN, 'the file outside is untouched');
    const v = await cliInProcess(['validate', '--root', root, '--format', 'json']);
    assert.equal(v.code, 1);
    assert.deepEqual(v.json<{ errors: Array<{ file: string; code: string }> }>().errors.map((f) => `${f.file} ${f.code}`), ['workplans symlink-escape']);
  });

  it('registry -> registry (a self-loop) is a symlink-loop error, not an ok empty registry', () => {
    const root = fleet({ 'policies/modes.yaml': 'kind: modes\n' });
    symlinkSync('registry', join(root, 'registry'));
    const w = walkFleet(root);
    assert.deepEqual(w.findings.map((f) => `${f.file} ${f.severity}[${f.code}]`), ['registry error[symlink-loop]']);
    assert.deepEqual(w.files.map((f) => f.path), ['policies/modes.yaml']);
  });
});

describe('errors that are not swallowed', () => {
  it('an unreadable directory is an unreadable-dir finding, not an empty directory (injected EACCES: root reads through chmod 000)', () => {
    const root = fleet({ 'registry/nodes/n1.md': NODE, 'registry/nodes/deep/n2.md': NODE });
    const denied = join(root, 'registry', 'nodes', 'deep');
    const injected: WalkFs = { ...fs, readdirSync: ((p: fs.PathLike, o: never) => (String(p) === denied ? (() => { throw eacces(String(p)); })() : fs.readdirSync(p, o))) as WalkFs['readdirSync'] };
    const w = walkFleet(root, { fs: injected });
    assert.deepEqual(w.findings.map((f) => `${f.file} ${f.severity}[${f.code}]`), ['registry/nodes/deep error[unreadable-dir]']);
    assert.match(w.findings[0]!.message, /EACCES/);
    assert.ok(w.findings[0]!.hint);
    assert.deepEqual(w.files.map((f) => f.path), ['registry/nodes/n1.md']);
  });

  it('an unreadable directory, for real (mode 000)', { skip: isRoot ? 'running as root, whom mode 000 does not stop; the injected EACCES test above covers the code path' : false }, async () => {
    const root = fleet({ 'registry/nodes/n1.md': NODE, 'registry/nodes/deep/n2.md': NODE });
    chmodSync(join(root, 'registry', 'nodes', 'deep'), 0o000);
    try {
      const r = await cliInProcess(['validate', '--root', root, '--format', 'json']);
      assert.equal(r.code, 1);
      assert.deepEqual(r.json<{ errors: Array<{ file: string; code: string }> }>().errors.map((f) => `${f.file} ${f.code}`), ['registry/nodes/deep unreadable-dir']);
    } finally {
      chmodSync(join(root, 'registry', 'nodes', 'deep'), 0o755);
    }
  });

  it('readRepoText: a missing file is null; a directory in its place or a permission error is an error naming the file', () => {
    const root = fleet({ 'workplans/wp1.md': WORKPLAN });
    mkdirSync(join(root, 'workplans', 'dir.md'));
    const read = readRepoText(root);
    assert.equal(read('workplans/none.md'), null);
    assert.equal(read('workplans/wp1.md/x'), null, 'ENOTDIR is missing too');
    assert.equal(read('workplans/wp1.md'), WORKPLAN);
    assert.throws(() => read('workplans/dir.md'), (e: unknown) => e instanceof RepoFileUnreadableError && /workplans\/dir\.md: EISDIR/.test(e.message));
    const denied = readRepoText(root, (p) => {
      throw eacces(p);
    });
    assert.throws(() => denied('workplans/wp1.md'), (e: unknown) => e instanceof RepoFileUnreadableError && e.data.cause === 'EACCES');
  });

  it('a locator failure is an error, not line 1 column 1', () => {
    const locate = createLocator(undefined as unknown as string, 7);
    assert.throws(() => locate('/a'), /cannot locate \/a in the YAML starting at line 7/);
  });

  it('readPolicyInput: unparseable JSON in the cache is an error naming the row, not {}', async () => {
    const root = fleet({ 'registry/nodes/n1.md': NODE, 'registry/workloads/w1.md': '---\ntitle: W\nkind: service\nhost: n1\n---\n' });
    const { db } = await refreshCache(root);
    try {
      db.prepare("UPDATE records SET data = '{\"host\": [' WHERE kind = 'workload' AND id = 'w1'").run();
      assert.throws(() => readPolicyInput(db), (e: unknown) => e instanceof CacheDataError && e.data.table === 'workloads' && e.data.id === 'w1' && /fleethub rebuild/.test(e.message));
    } finally {
      db.close();
    }
  });

  it('the observe step: an unparseable observation in the cache is an error naming the row and saying to rebuild', async () => {
    const root = fleet({ 'registry/nodes/n1.md': NODE });
    const { db } = await refreshCache(root);
    db.prepare('INSERT INTO observations VALUES (?, ?, ?, ?, ?, ?)').run('n1', '2026-07-03T10:00:00Z', 1, 'ok', '[]', '{"peers": [');
    db.close();
    const r = await cliInProcess(['reconcile', '--root', root]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /observations.*n1.*fleethub rebuild/s);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  });

  it('placementHistory: only an unborn branch is "no commits yet"; a HEAD that cannot be read is "unreadable"', async () => {
    const root = fleet({ 'registry/workloads/w1.md': '---\ntitle: W\nkind: service\nhost: n1\n---\n' });
    const git = (...args: string[]): string => execFileSync('git', ['-C', root, '-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    const fresh = await placementHistory(root, ['registry/workloads/w1.md']);
    assert.equal(!fresh.available && fresh.reason, 'no-commits');
    git('add', '.');
    git('commit', '-q', '-m', 'one');
    assert.equal((await placementHistory(root, ['registry/workloads/w1.md'])).available, true);
    writeFileSync(join(root, '.git', 'refs', 'heads', 'main'), 'not a commit id\n');
    const broken = await placementHistory(root, ['registry/workloads/w1.md']);
    assert.equal(broken.available, false);
    assert.equal(!broken.available && broken.reason, 'unreadable');
  });
});

describe('--root mistakes', () => {
  it('--root <a file> is a one-line usage error, exit 2', async () => {
    const file = join(tempDir(), 'passwd');
    writeFileSync(file, 'root:x:0:0::/root:/bin/sh\n');
    const r = await cliInProcess(['validate', '--root', file]);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, `fleethub validate: --root ${file} is not a directory (pass the fleet repository's directory)\n`);
  });

  it('--root <a directory that is no fleet> is a usage error and creates nothing there', async () => {
    const dir = tempDir();
    for (const cmd of ['validate', 'status', 'rebuild']) {
      const r = await cliInProcess([cmd, '--root', dir]);
      assert.equal(r.code, 2, `${cmd}: ${r.stderr}`);
      assert.match(r.stderr, /is not a fleet repository: none of registry\/, workplans\/, policies\/ found in it/);
      assert.equal(r.stderr.trim().split('\n').length, 1);
    }
    assert.equal(existsSync(join(dir, '.fleethub')), false, 'no .fleethub/ outside a fleet repository');
  });
});
