/**
 * Who writes the events (and authors the relayed commits): the environment's
 * FLEETHUB_WRITER_*, else user.name / user.email as git resolves them — the
 * repository's own config over the user's global one — else login@host. A
 * real repository and a real global config file (GIT_CONFIG_GLOBAL), so the
 * machine's own ~/.gitconfig plays no part.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { writerIdentity } from '../src/outbox/writerIdentity.js';
import { removeDir, tempDir } from './helpers/fleet.js';

const dirs: string[] = [];
after(() => dirs.forEach(removeDir));

function setup(global: string): { root: string; env: Record<string, string | undefined> } {
  const root = tempDir();
  const home = tempDir();
  dirs.push(root, home);
  execFileSync('git', ['init', '-q'], { cwd: root });
  writeFileSync(join(home, 'gitconfig'), global);
  const env: Record<string, string | undefined> = { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, 'xdg'), GIT_CONFIG_GLOBAL: join(home, 'gitconfig'), GIT_CONFIG_NOSYSTEM: '1' };
  delete env.FLEETHUB_WRITER_NAME;
  delete env.FLEETHUB_WRITER_EMAIL;
  return { root, env };
}

describe('writerIdentity', () => {
  it('is the user’s global git identity when the repository sets none (as git commit would use it)', async () => {
    const { root, env } = setup('[user]\n\tname = Global Person\n\temail = global@example.org\n');
    assert.deepEqual(await writerIdentity(root, env), { name: 'Global Person', email: 'global@example.org' });
  });

  it('is the repository’s own over the global one, and FLEETHUB_WRITER_* over both', async () => {
    const { root, env } = setup('[user]\n\tname = Global Person\n\temail = global@example.org\n');
    execFileSync('git', ['config', 'user.name', 'Local Person'], { cwd: root, env });
    assert.deepEqual(await writerIdentity(root, env), { name: 'Local Person', email: 'global@example.org' });
    assert.deepEqual(await writerIdentity(root, { ...env, FLEETHUB_WRITER_NAME: 'Env Person', FLEETHUB_WRITER_EMAIL: 'env@example.org' }), { name: 'Env Person', email: 'env@example.org' });
  });

  it('is login@host when git has no identity anywhere; without git on PATH, the repository’s config file is read', async () => {
    const { root, env } = setup('');
    const login = userInfo().username;
    assert.deepEqual(await writerIdentity(root, env), { name: login, email: `${login}@${hostname()}` });
    writeFileSync(join(root, '.git', 'config'), '[user]\n\tname = File Person\n', { flag: 'a' });
    assert.deepEqual(await writerIdentity(root, { ...env, PATH: '/nonexistent' }), { name: 'File Person', email: `${login}@${hostname()}` });
  });
});
