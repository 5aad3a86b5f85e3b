/**
 * The relay over the system's git, for the remotes people clone with: a local
 * path and file:// (a bare repository in a temporary directory), and ssh —
 * ssh://, scp-like git@host:path — through GIT_SSH_COMMAND pointing at a
 * script that runs the git-upload-pack / git-receive-pack ssh would run on
 * the server, here on a local bare repository (a real ssh-transport exchange,
 * no network). Also: ssh's failures (refused, permission denied) classified
 * like HTTP's, and an unsupported scheme named plainly.
 */
import assert from 'node:assert/strict';
import { chmodSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createBareRepo } from '../scripts/git-server/createBareRepo.js';
import { isolatedGitEnv } from '../scripts/git-server/isolatedGitEnv.js';
import { runGit, smallFleet } from '../scripts/git-server/fleetUpstream.js';
import { openOutbox } from '../src/outbox/openOutbox.js';
import { cliInProcess, removeDir, tempDir } from './helpers/fleet.js';

const dirs: string[] = [];
const keep = (d: string): string => (dirs.push(d), d);
after(() => dirs.forEach(removeDir));

/** The CLI with git isolated from this machine's configuration (as the test server's git is). */
const GIT_ENV = Object.fromEntries(Object.entries(isolatedGitEnv()).filter(([k]) => k.startsWith('GIT_') && !k.startsWith('GIT_AUTHOR') && !k.startsWith('GIT_COMMITTER'))) as Record<string, string>;
const fh = (root: string, args: string[], env: Record<string, string> = {}) => cliInProcess([...args, '--root', root], { env: { FLEETHUB_WRITER_NAME: 'Ada Ops', FLEETHUB_WRITER_EMAIL: 'ada@fleet.invalid', FLEETHUB_TOKEN: '', ...GIT_ENV, ...env } });

async function bareUpstream(): Promise<string> {
  const path = join(keep(tempDir('fleethub-upstream-')), 'fleet.git');
  await createBareRepo(path, isolatedGitEnv(), { files: smallFleet() });
  return path;
}

async function cloneOf(url: string): Promise<string> {
  const dir = keep(tempDir('fleethub-checkout-'));
  await runGit(['clone', '-q', url, dir]);
  return dir;
}

const upstreamPlan = (gitdir: string): Promise<string> => runGit(['--git-dir', gitdir, 'show', 'main:workplans/WP.md']);
const pending = (root: string): number => {
  const o = openOutbox(root, { create: false });
  try {
    return o?.counts().pending ?? 0;
  } finally {
    o?.close();
  }
};

/** A stand-in for ssh: logs the host it was asked for and runs the remote command (git-upload-pack '<path>') locally. */
function fakeSsh(script = 'for last; do :; done\nprintf "%s\\n" "$*" >> "$FAKE_SSH_LOG"\nexec sh -c "$last"\n'): { env: Record<string, string>; log: () => string } {
  const dir = keep(tempDir('fleethub-ssh-'));
  const path = join(dir, 'fake-ssh');
  writeFileSync(path, `#!/bin/sh\n${script}`);
  chmodSync(path, 0o755);
  const log = join(dir, 'log');
  writeFileSync(log, '');
  return { env: { GIT_SSH_COMMAND: path, GIT_SSH_VARIANT: 'ssh', FAKE_SSH_LOG: log }, log: () => readFileSync(log, 'utf8') };
}

describe('relay through the system git', () => {
  it('relays to a local-path origin (/srv/fleet.git) end to end, and again when upstream moved', async () => {
    const upstream = await bareUpstream();
    const root = await cloneOf(upstream);
    const done = await fh(root, ['task', 'done', 'WP', 'T01', '--note', 'over a local path']);
    assert.equal(done.code, 0, done.stdout + done.stderr);
    assert.match(done.stdout, new RegExp(`relayed to ${upstream} main`));
    assert.match(await upstreamPlan(upstream), /- \[x\] T01 First \[owner:: ops\]\n {2}- \d{4}-\d\d-\d\d: over a local path/);
    assert.match(await runGit(['--git-dir', upstream, 'log', '-1', '--format=%an <%ae>%n%B', 'main']), /^Ada Ops <ada@fleet\.invalid>\n[\s\S]*Fleethub-Event: [0-9A-Z]{26}/);

    // Someone else pushes meanwhile: the next event lands on their commit.
    const other = await cloneOf(upstream);
    writeFileSync(join(other, 'registry/nodes/a.md'), readFileSync(join(other, 'registry/nodes/a.md'), 'utf8') + 'Edited.\n');
    await runGit(['commit', '-qam', 'other edit'], { cwd: other });
    await runGit(['push', '-q', 'origin', 'HEAD'], { cwd: other });
    const start = await fh(root, ['task', 'start', 'WP', 'T02']);
    assert.equal(start.code, 0, start.stdout + start.stderr);
    assert.match(await upstreamPlan(upstream), /- \[\/\] T02 Second/);
    assert.deepEqual((await runGit(['--git-dir', upstream, 'log', '--format=%s', 'main'])).split('\n').slice(1, 2), ['other edit']);
    assert.equal(pending(root), 0);
  });

  it('a local upstream that is not there (moved, a disk not mounted) waits as an unreachable one does: exit 0, pending; back, it lands', async () => {
    const upstream = await bareUpstream();
    const root = await cloneOf(upstream);
    renameSync(upstream, `${upstream}.away`);
    const start = await fh(root, ['task', 'start', 'WP', 'T02']);
    assert.equal(start.code, 0, start.stdout + start.stderr);
    assert.match(start.stdout, new RegExp(`pending: upstream ${upstream} is unreachable \\(${upstream} is not there`));
    assert.equal(pending(root), 1);
    renameSync(`${upstream}.away`, upstream);
    assert.equal((await fh(root, ['relay'])).code, 0);
    assert.equal(pending(root), 0);
    assert.match(await upstreamPlan(upstream), /- \[\/\] T02 Second/);
  });

  it('relays to a file:// --upstream', async () => {
    const upstream = await bareUpstream();
    const root = await cloneOf(upstream);
    assert.equal((await fh(root, ['task', 'done', 'WP', 'T01', '--queue'])).code, 0);
    const elsewhere = await bareUpstream();
    const relayed = await fh(root, ['relay', '--upstream', `file://${elsewhere}`]);
    assert.equal(relayed.code, 0, relayed.stdout + relayed.stderr);
    assert.match(relayed.stdout, new RegExp(`relayed 1 event\\(s\\) to file://${elsewhere} main in 1 commit`));
    assert.match(await upstreamPlan(elsewhere), /- \[x\] T01 First/);
    assert.doesNotMatch(await upstreamPlan(upstream), /- \[x\] T01 First/, '--upstream, not origin');
  });

  for (const shape of ['ssh://git@fleet.invalid', 'git@fleet.invalid:'] as const) {
    it(`routes an ${shape.startsWith('ssh') ? 'ssh:// URL' : 'scp-like git@host:path'} origin to the system git, over ssh, end to end`, async () => {
      const upstream = await bareUpstream();
      const url = `${shape}${upstream}`;
      const root = await cloneOf(upstream);
      await runGit(['remote', 'set-url', 'origin', url], { cwd: root });
      const ssh = fakeSsh();
      const done = await fh(root, ['task', 'done', 'WP', 'T01'], ssh.env);
      assert.equal(done.code, 0, done.stdout + done.stderr);
      assert.match(done.stdout, new RegExp(`relayed to ${url.replace(/[.]/g, '\\.')} main`));
      assert.match(await upstreamPlan(upstream), /- \[x\] T01 First/);
      const log = ssh.log();
      assert.match(log, /git@fleet\.invalid git-upload-pack '[^']*fleet\.git'/, log);
      assert.match(log, /git@fleet\.invalid git-receive-pack '[^']*fleet\.git'/, log);
      assert.equal(pending(root), 0);
    });
  }

  it("classifies ssh's failures: a refused connection waits (exit 0, pending), a refused key stops (exit 1), both keep the event", async () => {
    const upstream = await bareUpstream();
    const root = await cloneOf(upstream);
    await runGit(['remote', 'set-url', 'origin', `ssh://git@fleet.invalid${upstream}`], { cwd: root });
    const refused = fakeSsh('echo "ssh: connect to host fleet.invalid port 22: Connection refused" >&2\nexit 255\n');
    const offline = await fh(root, ['task', 'done', 'WP', 'T01'], refused.env);
    assert.equal(offline.code, 0, offline.stdout + offline.stderr);
    assert.match(offline.stdout, /pending: upstream ssh:\/\/git@fleet\.invalid\/\S+ is unreachable \(ssh: connect to host fleet\.invalid port 22: Connection refused\)/);
    const denied = fakeSsh('echo "git@fleet.invalid: Permission denied (publickey)." >&2\nexit 255\n');
    const r = await fh(root, ['relay'], denied.env);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /refused the login \(git@fleet\.invalid: Permission denied \(publickey\)\.\); check your SSH key/);
    assert.equal(pending(root), 1);
    assert.equal((await fh(root, ['relay'], fakeSsh().env)).code, 0);
    assert.equal(pending(root), 0);
  });

  it('an HTTP address with no repository behind it: the fetch it refused is named, not a push', async () => {
    const { createServer } = await import('node:http');
    const server = createServer((_req, res) => res.writeHead(404).end('not found'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const root = await cloneOf(await bareUpstream());
      assert.equal((await fh(root, ['task', 'done', 'WP', 'T01', '--queue'])).code, 0);
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/nope.git`;
      const r = await fh(root, ['relay', '--upstream', url]);
      assert.equal(r.code, 1, r.stdout + r.stderr);
      assert.match(r.stdout, new RegExp(`upstream ${url.replace(/[.]/g, '\\.')} refused git fetch \\(HTTP 404: no Git repository at that URL\\); events stay in the outbox`));
      assert.doesNotMatch(r.stdout, /rejected the push/);
      assert.equal(pending(root), 1);
    } finally {
      server.close();
    }
  });

  it('names an upstream it cannot use, without its credentials', async () => {
    const upstream = await bareUpstream();
    const root = await cloneOf(upstream);
    assert.equal((await fh(root, ['task', 'done', 'WP', 'T01', '--queue'])).code, 0);
    // Given as --upstream: a usage error (exit 2), whether or not events wait.
    for (const args of [['relay', '--upstream', 'FTP://user:pa55@ftp.invalid/fleet.git'], ['relay', '--once', '--upstream', 'FTP://user:pa55@ftp.invalid/fleet.git']]) {
      const r = await fh(root, args);
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.match(r.stderr, /^fleethub relay: --upstream FTP:\/\/ftp\.invalid\/fleet\.git is not an address the relay can push to: give an http\(s\):\/\/, ssh:\/\/, git@host:path, git:\/\/ or file:\/\/ URL or a local path\n$/);
      assert.ok(!(r.stdout + r.stderr).includes('pa55'));
    }
    const empty = await fh(root, ['relay', '--upstream', '']);
    assert.equal(empty.code, 2, empty.stdout + empty.stderr);
    assert.match(empty.stderr, /--upstream needs an address/);
    assert.equal(pending(root), 1);
    // Configured (git config fleethub.upstream): the relay finds it when it runs, and the events wait (exit 1).
    await runGit(['config', 'fleethub.upstream', 'FTP://user:pa55@ftp.invalid/fleet.git'], { cwd: root });
    const r = await fh(root, ['relay']);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /upstream FTP:\/\/ftp\.invalid\/fleet\.git \(from git config fleethub\.upstream\) is not an address the relay can use/);
    assert.ok(!(r.stdout + r.stderr).includes('pa55'));
    assert.equal(pending(root), 1);
  });
});
