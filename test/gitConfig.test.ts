/**
 * The git config reader (src/repo/gitConfigReader.ts, parseGitConfig.ts):
 * values written by the real `git config` read back as git reads them, in a
 * repository, in a linked worktree and outside any repository; an unreadable
 * config file is an error, never "no config".
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { RepoFileUnreadableError } from '../src/errors.js';
import { gitConfigReader } from '../src/repo/gitConfigReader.js';
import { parseGitConfig } from '../src/repo/parseGitConfig.js';
import { fleetMaker } from './helpers/fleet.js';

const { tempDir, cleanup } = fleetMaker();
after(cleanup);
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: cwd } });

describe('parseGitConfig', () => {
  it('reads sections, subsections, quotes, escapes and comments as git does', () => {
    const values = parseGitConfig(
      [
        'orphan = outside',
        '[User]',
        '\tName = "  Ada  Lovelace "   # who',
        '\temail = ada@example.invalid ; a comment',
        '[remote "Origin"]',
        '\turl = https://git.invalid/fleet.git',
        '[fleethub]',
        '\tbranch = main',
        '\tbranch = "live" ',
        '\tflag',
        '\tnote = a\\tb\\"c\\\\',
      ].join('\n'),
    );
    assert.equal(values.get('user.name'), '  Ada  Lovelace ');
    assert.equal(values.get('user.email'), 'ada@example.invalid');
    assert.equal(values.get('remote.Origin.url'), 'https://git.invalid/fleet.git', 'the subsection keeps its case');
    assert.equal(values.get('remote.origin.url'), undefined);
    assert.equal(values.get('fleethub.branch'), 'live', 'the last value wins');
    assert.equal(values.get('fleethub.flag'), 'true');
    assert.equal(values.get('fleethub.note'), 'a\tb"c\\');
    assert.equal(values.size, 6, 'a line before any section is not a value');
  });
});

describe('gitConfigReader', () => {
  it('reads what `git config` wrote, with names in any case, and trims values', async () => {
    const dir = tempDir();
    git(dir, 'init', '-q');
    git(dir, 'config', 'user.name', 'Fleet Writer');
    git(dir, 'config', 'remote.origin.url', 'ssh://git@git.invalid/fleet.git');
    git(dir, 'config', 'fleethub.upstream', ' http://127.0.0.1:9/fleet.git ');
    const sub = join(dir, 'registry', 'nodes');
    mkdirSync(sub, { recursive: true });
    const config = await gitConfigReader(sub);
    assert.equal(config.gitRoot, dir);
    assert.equal(await config('user.name'), 'Fleet Writer');
    assert.equal(await config('User.Name'), 'Fleet Writer');
    assert.equal(await config('remote.origin.url'), 'ssh://git@git.invalid/fleet.git');
    assert.equal(await config('fleethub.upstream'), 'http://127.0.0.1:9/fleet.git');
    assert.equal(await config('user.email'), null);
  });

  it('a linked worktree reads the main repository config', async () => {
    const dir = tempDir();
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'config', 'fleethub.branch', 'live');
    git(dir, '-c', 'user.name=t', '-c', 'user.email=t@t.invalid', 'commit', '-q', '--allow-empty', '-m', 'first');
    const tree = join(tempDir(), 'wt');
    git(dir, 'worktree', 'add', '-q', tree);
    const config = await gitConfigReader(tree);
    assert.equal(config.gitRoot, tree);
    assert.equal(await config('fleethub.branch'), 'live');
  });

  it('outside a repository every value is null', async () => {
    const config = await gitConfigReader(tempDir());
    assert.equal(config.gitRoot, null);
    assert.equal(await config('user.name'), null);
  });

  it('a config file that cannot be read is an error naming it, not "no config"', async () => {
    const dir = tempDir();
    git(dir, 'init', '-q');
    const path = join(dir, '.git', 'config');
    rmSync(path);
    mkdirSync(path);
    await assert.rejects(gitConfigReader(dir), (e: unknown) => e instanceof RepoFileUnreadableError && e.message.includes(path) && (e.data as { cause: string }).cause === 'EISDIR');
    const denied = await gitConfigReader(dir, () => {
      throw Object.assign(new Error('denied'), { code: 'EACCES' });
    }).catch((e: unknown) => e);
    assert.ok(denied instanceof RepoFileUnreadableError && (denied.data as { cause: string }).cause === 'EACCES');
  });
});
