/**
 * openGitObjects lists and compares trees with the system's git where it can
 * (lsTreeWithGit, diffTreeWithGit) and with isomorphic-git otherwise: both
 * give the same answers, on a history built to have what a tree walk must
 * pass over or tell apart (hidden names, a README, symlinks, a submodule, a
 * file that becomes a directory, a mode change with the same blob, a rename,
 * a fleet in a subdirectory, a directory name with pathspec magic).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { openGitObjects } from '../src/repo/openGitObjects.js';
import { MATERIALISED_DIRS } from '../src/repo/materialiseRevision.js';

const IDENTITY = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' };
const made: string[] = [];
after(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

function repo(): { dir: string; git: (...args: string[]) => string; write: (path: string, text: string) => void } {
  const dir = mkdtempSync(join(tmpdir(), 'fleethub-trees-'));
  made.push(dir);
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ...IDENTITY } });
  git('init', '-q', '-b', 'main');
  return {
    dir,
    git,
    write(path, text) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    },
  };
}

for (const fleetDir of ['', 'fleet[1]*']) {
  test(`the system's git and isomorphic-git read the same trees (fleet at ${fleetDir === '' ? 'the root' : `'${fleetDir}'`})`, async () => {
    const { dir, git, write } = repo();
    const f = (p: string): string => (fleetDir === '' ? p : `${fleetDir}/${p}`);
    write(f('registry/nodes/n1.md'), '---\nid: n1\n---\n');
    write(f('registry/nodes/n2.md'), '---\nid: n2\n---\n');
    write(f('registry/nodes/README.md'), 'about nodes\n');
    write(f('registry/nodes/.hidden.md'), '---\nid: hidden\n---\n');
    write(f('registry/.secret/n3.md'), '---\nid: n3\n---\n');
    write(f('registry/workloads/web.md'), '---\nid: web\n---\n');
    write(f('registry/workloads/api.md'), '---\nid: api\n---\n');
    write(f('registry/workloads/notes.txt'), 'not a record\n');
    write(f('policies/modes.yaml'), 'kind: modes\n');
    write(f('status/BOARD.md'), '# board\n');
    write(f('workplans/WP-1.md'), '---\nid: WP-1\n---\n');
    write('registry/nodes/outside.md', 'not the fleet when it sits in a subdirectory\n');
    symlinkSync('n1.md', join(dir, f('registry/nodes/link.md')));
    git('add', '-A');
    git('commit', '-q', '-m', 'a');
    const a = git('rev-parse', 'HEAD').trim();
    // b: an edit, a removal, an addition, a rename, a file that becomes a directory, a mode change only, a symlink that becomes a file, a submodule entry.
    write(f('registry/nodes/n1.md'), '---\nid: n1\nsite: b\n---\n');
    rmSync(join(dir, f('registry/nodes/n2.md')));
    write(f('registry/nodes/n4.md'), '---\nid: n4\n---\n');
    git('mv', f('registry/workloads/api.md'), f('registry/workloads/api-v2.md'));
    rmSync(join(dir, f('registry/workloads/web.md')));
    write(f('registry/workloads/web.md/inner.md'), '---\nid: inner\n---\n');
    chmodSync(join(dir, f('policies/modes.yaml')), 0o755);
    rmSync(join(dir, f('registry/nodes/link.md')));
    write(f('registry/nodes/link.md'), '---\nid: link\n---\n');
    write(f('registry/nodes/.hidden.md'), '---\nid: hidden2\n---\n');
    write(f('registry/nodes/README.md'), 'about nodes, changed\n');
    git('add', '-A');
    git('update-index', '--add', '--cacheinfo', `160000,${a},${f('registry/nodes/sub')}`);
    git('commit', '-q', '-m', 'b');
    const b = git('rev-parse', 'HEAD').trim();

    const root = fleetDir === '' ? dir : join(dir, fleetDir);
    const withGit = await openGitObjects(root);
    const withoutGit = await openGitObjects(root, { systemGit: false });
    for (const [x, y] of [[a, b], [b, a], [a, a]] as const) {
      const fleet = await withGit.changedFleetFiles(x, y);
      assert.deepEqual(fleet, await withoutGit.changedFleetFiles(x, y));
      const files = await withGit.changedFiles(x, y, MATERIALISED_DIRS);
      assert.deepEqual(files, await withoutGit.changedFiles(x, y, MATERIALISED_DIRS));
      if (x !== y) {
        // The answers are not empty by accident: the edit, the rename and the record that became a directory are there; hidden names are not.
        assert.ok(fleet.some((c) => c.path === 'registry/nodes/n1.md'));
        assert.ok(fleet.some((c) => c.path === 'registry/workloads/web.md/inner.md'));
        assert.ok(!files.some((c) => c.path.includes('/.')));
        assert.ok(!fleet.some((c) => c.path.endsWith('README.md')) && files.some((c) => c.path.endsWith('README.md')));
      }
    }
    for (const c of [a, b]) {
      const listed = await withGit.filesUnder(c, MATERIALISED_DIRS);
      assert.deepEqual(listed, await withoutGit.filesUnder(c, MATERIALISED_DIRS));
      assert.ok(!listed.some((e) => e.path.includes('/.')), 'no hidden names');
      assert.equal(listed.some((e) => e.path === 'registry/nodes/link.md'), c === b, 'a symlink is not listed; the file that replaced it is');
    }
    assert.ok((await withGit.filesUnder(b, MATERIALISED_DIRS)).some((e) => e.path === 'policies/modes.yaml' && e.mode === '100755'));
  });
}

test('a crafted tree entry that git never writes is refused by both readers, listed or compared', async () => {
  const { dir, git, write } = repo();
  write('registry/nodes/n1.md', '---\nid: n1\n---\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'a');
  const a = git('rev-parse', 'HEAD').trim();
  const run = (args: string[], input: Buffer): string => execFileSync('git', args, { cwd: dir, input, env: { ...process.env, ...IDENTITY } }).toString().trim();
  const tree = (entries: Array<[string, string, string]>): string =>
    run(['hash-object', '-w', '-t', 'tree', '--literally', '--stdin'], Buffer.concat(entries.map(([mode, name, oid]) => Buffer.concat([Buffer.from(`${mode} ${name}\0`), Buffer.from(oid, 'hex')]))));
  const blob = run(['hash-object', '-w', '--stdin'], Buffer.from('x\n'));
  for (const name of ['..', '.git', '.GIT.', 'git~1', 'a\\b', '.git::$INDEX_ALLOCATION']) {
    // Sorted as git would not matter: the readers must refuse whatever the order.
    const nodes = tree([['100644', 'n1.md', git('rev-parse', `${a}:registry/nodes/n1.md`).trim()], ['100644', name, blob]]);
    const root = tree([['40000', 'registry', tree([['40000', 'nodes', nodes]])]]);
    const evil = execFileSync('git', ['commit-tree', root, '-p', a, '-m', 'evil'], { cwd: dir, env: { ...process.env, ...IDENTITY } }).toString().trim();
    for (const systemGit of [true, false]) {
      const objects = await openGitObjects(dir, { systemGit });
      const refused = (e: unknown): boolean => (e as { code?: string }).code === 'git-tree-unsafe';
      await assert.rejects(objects.filesUnder(evil, MATERIALISED_DIRS), refused, `${name}, listed (system git: ${systemGit})`);
      await assert.rejects(objects.changedFiles(a, evil, MATERIALISED_DIRS), refused, `${name}, compared (system git: ${systemGit})`);
    }
  }
});

test("the system's git and isomorphic-git name the same commit for every revision, and the same merge base", async () => {
  const { dir, git, write } = repo();
  write('registry/nodes/n1.md', '---\nid: n1\n---\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'one');
  write('registry/nodes/n2.md', '---\nid: n2\n---\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'two');
  git('tag', 'light');
  git('tag', '-a', 'annotated', '-m', 'a tag');
  git('tag', '-a', 'on-tag', '-m', 'a tag of a tag', 'annotated');
  git('checkout', '-q', '-b', 'side', 'HEAD~1');
  write('registry/nodes/n3.md', '---\nid: n3\n---\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'side');
  git('checkout', '-q', 'main');
  git('merge', '-q', '--no-edit', 'side');
  // A criss-cross: two merge bases, where the two readers may pick different ones (so git is not asked).
  git('checkout', '-q', '-b', 'x', 'side');
  git('merge', '-q', '--no-edit', 'light');
  git('checkout', '-q', '-b', 'y', 'light');
  git('merge', '-q', '--no-edit', 'side');
  git('checkout', '-q', 'main');
  const worktree = join(dir, '..', `${dir.split('/').pop()}-wt`);
  made.push(worktree);
  git('worktree', 'add', '-q', '--detach', worktree, 'side');
  const head = git('rev-parse', 'HEAD').trim();
  const withGit = await openGitObjects(dir);
  const withoutGit = await openGitObjects(dir, { systemGit: false });
  const names = ['HEAD', '@', 'main', 'refs/heads/main', 'side', 'light', 'annotated', 'on-tag', 'HEAD~1', 'HEAD^2', 'HEAD^', 'HEAD^0', 'main~2', 'main~1^', 'side^0', head, head.slice(0, 7)];
  for (const name of names) assert.equal(await withGit.resolveCommit(name), await withoutGit.resolveCommit(name), name);
  for (const bad of ['nope', 'HEAD~9', 'HEAD^3', `${'0'.repeat(40)}`, 'main@{0}', 'HEAD:registry']) {
    const both = await Promise.allSettled([withGit.resolveCommit(bad), withoutGit.resolveCommit(bad)]);
    assert.ok(both.every((r) => r.status === 'rejected'), bad);
    assert.equal(String((both[0] as PromiseRejectedResult).reason.message), String((both[1] as PromiseRejectedResult).reason.message), bad);
  }
  const [x, y, side] = await Promise.all(['x', 'y', 'side'].map((r) => withoutGit.resolveCommit(r)));
  assert.equal(await withGit.mergeBase(head, side!), await withoutGit.mergeBase(head, side!));
  assert.equal(await withGit.mergeBase(x!, y!), await withoutGit.mergeBase(x!, y!), 'a criss-cross: the same one of its two merge bases');
  // A linked worktree's HEAD is its own.
  const inWorktree = await openGitObjects(worktree);
  assert.equal(await inWorktree.resolveCommit('HEAD'), side);
  assert.equal(await inWorktree.resolveCommit('HEAD'), await (await openGitObjects(worktree, { systemGit: false })).resolveCommit('HEAD'));
});
