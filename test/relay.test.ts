/**
 * The offline outbox and the relay, against a real Git server on loopback
 * (git http-backend) and real CLI runs: offline buffering, upstream moving
 * meanwhile (unrelated changes and a human edit of the same task line), dead
 * letters, credentials, a shallow relay clone, a deleted cache.
 */
import assert from 'node:assert/strict';
import { relayOutcome } from '../src/cli/relayOutcome.js';
import type { RelayReport } from '../src/relay/relay.js';
import { PLAIN } from '../src/report/style.js';
import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openOutbox } from '../src/outbox/openOutbox.js';
import { relay } from '../src/relay/relay.js';
import { relayCloneDir } from '../src/relay/relayClone.js';
import type { HttpClient } from 'isomorphic-git';
import nodeHttp from 'isomorphic-git/http/node';
import { BIN, cliInProcess } from './helpers/fleet.js';
import { gitServerSuite } from './helpers/gitServerSuite.js';
import { checkout, pushChange, runGit, smallFleet, upstreamFile, upstreamLog, upstreamMessage, upstreamRepo } from '../scripts/git-server/fleetUpstream.js';

const ADA = { name: 'Ada Ops', email: 'ada@fleet.invalid' };
const BOB = { name: 'Bob Ops', email: 'bob@fleet.invalid' };
const EVENT_TRAILER = /^Fleethub-Event: [0-9A-Z]{26}$/gm;

const suite = gitServerSuite();
const keep = suite.keep;

const fh = (root: string, args: string[], env: Record<string, string> = {}) => cliInProcess([...args, '--root', root], { env: { FLEETHUB_WRITER_NAME: '', FLEETHUB_WRITER_EMAIL: '', ...env } });
/** Polls until `done` holds (at most 60 s): waits for an outcome, never asserts a duration. */
async function waitFor(done: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (await done()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`timed out waiting until ${what}`);
}

const pendingIds = (root: string): string[] => {
  const o = openOutbox(root, { create: false });
  try {
    return o?.list('pending').map((e) => e.id) ?? [];
  } finally {
    o?.close();
  }
};

describe('fleethub task and relay, offline and back', () => {
  it('buffers events while upstream is down, shows them as pending, and lands each once when it is back', async () => {
    const url = await upstreamRepo(suite.server, 'offline');
    const root = keep(await checkout(url, ADA));
    await suite.server.stop();
    try {
      const done = await fh(root, ['task', 'done', 'WP', 'T01', '--note', 'finished offline']);
      assert.equal(done.code, 0, done.stderr);
      assert.match(done.stdout, /WP\/T01: todo → done \(\+ note\)/);
      assert.match(done.stdout, /pending: upstream http:\/\/127\.0\.0\.1:\d+\/offline\.git is unreachable \(ECONNREFUSED\)/);
      const start = await fh(root, ['task', 'start', 'WP', 'T02', '--format', 'json']);
      assert.equal(start.code, 0, start.stderr);
      assert.equal((JSON.parse(start.stdout) as { relay: { state: string } }).relay.state, 'pending');
      assert.equal(pendingIds(root).length, 2);

      // What the user sees includes what they did, marked as pending.
      const wp = JSON.parse((await fh(root, ['workplan', 'WP', '--format', 'json'])).stdout) as { tasks: Array<{ id: string; state: string; overlay: string | null }> };
      assert.deepEqual(wp.tasks.map((t) => [t.id, t.state, t.overlay]), [['T01', 'done', 'pending'], ['T02', 'doing', 'pending'], ['T03', 'todo', null]]);
      assert.match((await fh(root, ['workplan', 'WP'])).stdout, /T01\s+done \(pending\)/);
      assert.match((await fh(root, ['status'])).stdout, /Outbox: 2 pending event\(s\)/);
      const offline = await fh(root, ['relay']);
      assert.equal(offline.code, 1);
      assert.match(offline.stdout, /not relayed: upstream .* is unreachable/);
    } finally {
      await suite.server.start();
    }

    const relayed = await fh(root, ['relay']);
    assert.equal(relayed.code, 0, relayed.stderr + relayed.stdout);
    assert.match(relayed.stdout, /relayed 2 event\(s\) to http:\/\/127\.0\.0\.1:\d+\/offline\.git main in 1 commit\(s\)/);
    const plan = (await upstreamFile(suite.server, 'offline', 'workplans/WP.md'))!;
    assert.match(plan, /^- \[x\] T01 First \[owner:: ops\]\n {2}- \d{4}-\d{2}-\d{2}: finished offline\n- \[\/\] T02 Second/m);
    assert.equal((await upstreamMessage(suite.server, 'offline')).match(EVENT_TRAILER)?.length, 2);
    assert.deepEqual((await upstreamLog(suite.server, 'offline', '%an <%ae>'))[0], 'Ada Ops <ada@fleet.invalid>');
    const journal = (await upstreamFile(suite.server, 'offline', 'status/journal/ada_fleet.invalid.jsonl'))!.trimEnd().split('\n');
    assert.equal(journal.length, 2);

    // Once: nothing pending, a second relay is a no-op, and the user's working tree and index were never touched.
    assert.deepEqual(pendingIds(root), []);
    assert.match((await fh(root, ['relay'])).stdout, /nothing to relay/);
    assert.equal((await upstreamLog(suite.server, 'offline')).length, 2);
    assert.equal(await runGit(['status', '--porcelain'], { cwd: root }), '');
    // Landed but not pulled: shown on top of the files, marked upstream, until git pull brings it.
    const unpulled = (await fh(root, ['workplan', 'WP'])).stdout;
    assert.match(unpulled, /T01\s+done \(upstream\)/);
    assert.match(unpulled, /2 task change\(s\) landed upstream but are not in this checkout yet/);
    await runGit(['pull', '-q'], { cwd: root });
    assert.match(readFileSync(join(root, 'workplans/WP.md'), 'utf8'), /- \[x\] T01 First/);
    const pulled = (await fh(root, ['workplan', 'WP'])).stdout;
    assert.match(pulled, /T01\s+done\s/);
    assert.doesNotMatch(pulled, /upstream|pending/);
  });

  it('re-applies events onto an upstream that moved: unrelated changes and a human edit of the same task line are kept', async () => {
    const url = await upstreamRepo(suite.server, 'moved');
    const root = keep(await checkout(url, ADA));
    assert.equal((await fh(root, ['task', 'done', 'WP', 'T01', '--queue'])).code, 0);
    assert.equal((await fh(root, ['task', 'block', 'WP', 'T03', '--queue', '--note', 'waiting for hardware'])).code, 0);
    await pushChange(
      url,
      (dir) => {
        const p = join(dir, 'workplans/WP.md');
        writeFileSync(p, readFileSync(p, 'utf8').replace('- [ ] T01 First [owner:: ops]', '- [ ] T01 First, renamed by a human [owner:: dev]\n- [ ] T00 Inserted above'));
        writeFileSync(join(dir, 'registry/nodes/a.md'), readFileSync(join(dir, 'registry/nodes/a.md'), 'utf8').replace('The only node.', 'The only node, edited upstream.'));
      },
      'human edits',
    );
    const relayed = await fh(root, ['relay', '--format', 'json']);
    assert.equal(relayed.code, 0, relayed.stdout + relayed.stderr);
    const plan = (await upstreamFile(suite.server, 'moved', 'workplans/WP.md'))!;
    assert.match(plan, /^- \[x\] T01 First, renamed by a human \[owner:: dev\]\n- \[ \] T00 Inserted above\n/m);
    assert.match(plan, /^- \[!\] T03 Third \[depends:: T02\]\n {2}- \d{4}-\d{2}-\d{2}: waiting for hardware\n$/m);
    assert.match((await upstreamFile(suite.server, 'moved', 'registry/nodes/a.md'))!, /edited upstream/);
    assert.deepEqual(await upstreamLog(suite.server, 'moved'), ['fleethub: 2 events from Ada Ops', 'human edits', 'initial commit']);
  });

  for (const when of ['ref discovery', 'pack upload'] as const) {
    it(`loses the race for the ref (another push during its ${when}), fetches again and re-applies on the new head`, async () => {
      const name = `race-${when.split(' ')[0]}`;
      const url = await upstreamRepo(suite.server, name);
      const root = keep(await checkout(url, ADA));
      assert.equal((await fh(root, ['task', 'done', 'WP', 'T01', '--queue'])).code, 0);
      let raced = false;
      const racing: HttpClient = {
        async request(req) {
          const hit = req.url.includes('git-receive-pack') && req.method === (when === 'ref discovery' ? 'GET' : 'POST');
          if (hit && !raced) {
            raced = true;
            await pushChange(url, (dir) => writeFileSync(join(dir, 'registry/nodes/a.md'), readFileSync(join(dir, 'registry/nodes/a.md'), 'utf8') + 'More.\n'), 'concurrent change');
          }
          return nodeHttp.request(req);
        },
      };
      const report = await relay(root, {}, { now: () => new Date(), random: () => 0.5, http: racing });
      assert.ok(raced);
      assert.equal(report.pushes, 2, 'the first push lost, the second landed');
      assert.equal(report.applied, 1);
      assert.deepEqual(await upstreamLog(suite.server, name), ['fleethub: task done WP/T01', 'concurrent change', 'initial commit']);
      assert.match((await upstreamFile(suite.server, name, 'registry/nodes/a.md'))!, /More\.\n$/);
      assert.deepEqual(pendingIds(root), []);
    });
  }

  it('sends an event whose task was deleted upstream to the dead letters, with the reason, and lands the rest', async () => {
    const url = await upstreamRepo(suite.server, 'dead');
    const root = keep(await checkout(url, ADA));
    assert.equal((await fh(root, ['task', 'start', 'WP', 'T02', '--queue'])).code, 0);
    assert.equal((await fh(root, ['task', 'done', 'WP', 'T01', '--queue'])).code, 0);
    assert.equal((await fh(root, ['task', 'done', 'WP', 'T03', '--queue'])).code, 0);
    const [, dead] = pendingIds(root);
    await pushChange(url, (dir) => writeFileSync(join(dir, 'workplans/WP.md'), readFileSync(join(dir, 'workplans/WP.md'), 'utf8').replace(/^- \[ \] T01 First.*\n/m, '')), 'drop T01');

    const relayed = await fh(root, ['relay']);
    assert.equal(relayed.code, 1, 'dead letters are problems');
    assert.match(relayed.stdout, /relayed 2 event\(s\)/);
    assert.match(relayed.stdout, new RegExp(`1 dead letter\\(s\\)[^\\n]*\\n  ${dead} task-gone: WP \\(workplans/WP\\.md\\): no task T01 in this workplan`));
    const plan = (await upstreamFile(suite.server, 'dead', 'workplans/WP.md'))!;
    assert.match(plan, /- \[\/\] T02 Second/);
    assert.match(plan, /- \[x\] T03 Third/);

    const list = await fh(root, ['outbox', 'list', '--dead', '--format', 'json']);
    assert.equal(list.code, 1);
    const listed = JSON.parse(list.stdout) as { counts: Record<string, number>; events: Array<{ id: string; dead: { code: string } }> };
    assert.deepEqual(listed.counts, { pending: 0, applied: 2, dead: 1, dropped: 0 });
    assert.deepEqual(listed.events.map((e) => [e.id, e.dead.code]), [[dead, 'task-gone']]);
    assert.match((await fh(root, ['outbox', 'show', dead!])).stdout, /dead: {4}task-gone: WP \(workplans\/WP\.md\): no task T01/);

    assert.match((await fh(root, ['outbox', 'retry', dead!])).stdout, /1 event\(s\) back to pending/);
    assert.equal((await fh(root, ['relay'])).code, 1, 'still cannot apply');
    assert.match((await fh(root, ['outbox', 'drop', dead!])).stdout, /1 event\(s\) dropped/);
    const after = JSON.parse((await fh(root, ['outbox', 'list', '--all', '--format', 'json'])).stdout) as { counts: Record<string, number> };
    assert.deepEqual(after.counts, { pending: 0, applied: 2, dead: 0, dropped: 1 });
    assert.equal((await fh(root, ['outbox', 'drop', 'NOPE'])).code, 2);
    const none = await fh(root, ['outbox', 'retry', '--dead']);
    assert.deepEqual([none.code, none.stdout.trim()], [0, 'no dead letters to retry'], 'nothing to retry is not a usage error');
    assert.equal((await fh(root, ['outbox', 'retry', dead!, '--dead'])).code, 2, 'ids and --dead together');
  });

  it('a board recorded with a task change that dies is withdrawn with it: upstream keeps its board, which never shows a change that did not land', async () => {
    const url = await upstreamRepo(suite.server, 'withdrawn', smallFleet());
    const root = keep(await checkout(url, ADA));
    assert.equal((await fh(root, ['reconcile', '--push'])).code, 0);
    await runGit(['pull', '-q'], { cwd: root });
    const queued = await fh(root, ['task', 'done', 'WP', 'T01', '--queue', '--format', 'json']);
    assert.equal(queued.code, 0, queued.stdout + queued.stderr);
    assert.deepEqual((JSON.parse(queued.stdout) as { status: { files: string[] } }).status.files, ['status/BOARD.md'], 'the board goes with the task');
    const board = await upstreamFile(suite.server, 'withdrawn', 'status/BOARD.md');
    await pushChange(url, (dir) => writeFileSync(join(dir, 'workplans/WP.md'), readFileSync(join(dir, 'workplans/WP.md'), 'utf8').replace(/^- \[ \] T01 First.*\n/m, '')), 'drop T01');
    const relayed = await fh(root, ['relay', '--format', 'json']);
    assert.equal(relayed.code, 1, 'the task is a dead letter');
    const report = JSON.parse(relayed.stdout) as { dead: Array<{ code: string }>; superseded: string[] };
    assert.deepEqual(report.dead.map((d) => d.code), ['task-gone']);
    assert.deepEqual(report.superseded, ['status/BOARD.md'], 'its board is withdrawn');
    assert.equal(await upstreamFile(suite.server, 'withdrawn', 'status/BOARD.md'), board, "upstream's board is as it was");
    assert.deepEqual(pendingIds(root), [], 'nothing left waiting');
  });

  it('relay --watch backs off while upstream is down, relays when it is back, and stops cleanly on SIGINT', async () => {
    const url = await upstreamRepo(suite.server, 'watch');
    const root = keep(await checkout(url, ADA));
    assert.equal((await fh(root, ['task', 'done', 'WP', 'T01', '--queue'])).code, 0);
    await suite.server.stop();
    const child = spawn(process.execPath, [BIN, 'relay', '--watch', '--interval', '1', '--root', root], { env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    try {
      await waitFor(() => /waiting: upstream .* is unreachable/.test(stderr), 'the watch reports the outage');
      const state = openOutbox(root, { create: false })!;
      const backoff = state.relayState();
      state.close();
      assert.ok(backoff.failures >= 1 && backoff.nextAttemptAt !== null, 'a backoff is recorded in the outbox');
      await suite.server.start();
      await waitFor(async () => /- \[x\] T01 First/.test((await upstreamFile(suite.server, 'watch', 'workplans/WP.md')) ?? ''), 'the event lands once upstream is back');
      assert.equal((await fh(root, ['task', 'start', 'WP', 'T02', '--queue'])).code, 0);
      await waitFor(async () => /- \[\/\] T02 Second/.test((await upstreamFile(suite.server, 'watch', 'workplans/WP.md')) ?? ''), 'a new event is picked up');
    } finally {
      child.kill('SIGINT');
    }
    assert.equal(await exited, 0, stderr);
    assert.deepEqual(pendingIds(root), []);
    assert.equal((await upstreamLog(suite.server, 'watch')).length, 3);
  });

  it('keeps the events when the token is wrong or missing, says so, and never prints the token', async () => {
    const url = await upstreamRepo(suite.server, 'auth');
    const root = keep(await checkout(url, ADA));
    suite.server.setToken('s3cret-token');
    try {
      const none = await fh(root, ['task', 'done', 'WP', 'T01']);
      assert.equal(none.code, 1, 'the change is recorded, but someone must act');
      assert.match(none.stdout, /needs credentials \(HTTP 401\); set FLEETHUB_TOKEN/);
      const wrong = await fh(root, ['relay'], { FLEETHUB_TOKEN: 'wrong-token-value' });
      assert.equal(wrong.code, 1);
      assert.match(wrong.stdout, /refused the token in FLEETHUB_TOKEN \(HTTP 401\)/);
      assert.ok(!wrong.stdout.includes('wrong-token-value') && !wrong.stderr.includes('wrong-token-value'));
      assert.equal(pendingIds(root).length, 1, 'kept');
      const right = await fh(root, ['relay'], { FLEETHUB_TOKEN: 's3cret-token' });
      assert.equal(right.code, 0, right.stdout);
      assert.ok(!right.stdout.includes('s3cret-token'));
      assert.match((await upstreamFile(suite.server, 'auth', 'workplans/WP.md'))!, /- \[x\] T01 First/);
    } finally {
      suite.server.setToken(null);
    }
  });

  it('keeps credentials in a URL out of every file under .fleethub/ (mode 0700) and out of the output', async () => {
    const url = await upstreamRepo(suite.server, 'secret-url');
    const root = keep(await checkout(url, ADA));
    const secret = 'pa@ss:w0rd-SECRET';
    const credentialed = url.replace('http://', `http://fleethub:${encodeURIComponent(secret)}@`);
    await runGit(['remote', 'set-url', 'origin', credentialed], { cwd: root });
    suite.server.setToken(secret);
    try {
      const done = await fh(root, ['task', 'done', 'WP', 'T01']);
      assert.equal(done.code, 0, done.stdout + done.stderr);
      assert.match(done.stdout, new RegExp(`relayed to ${url.replace(/[.]/g, '\\.')} main`));
      suite.server.setToken('another');
      const refused = await fh(root, ['task', 'done', 'WP', 'T02']);
      assert.equal(refused.code, 1);
      assert.match(refused.stdout, /refused the credentials in the URL \(HTTP 401\)/);
      for (const out of [done.stdout, done.stderr, refused.stdout, refused.stderr]) assert.ok(!out.includes('SECRET'), out);
    } finally {
      suite.server.setToken(null);
    }
    assert.equal(statSync(join(root, '.fleethub')).mode & 0o777, 0o700);
    const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : [join(dir, d.name)]));
    const all = files(join(root, '.fleethub'));
    assert.ok(all.some((f) => f.endsWith('/config')), 'the relay clone was written');
    for (const f of all) {
      const bytes = readFileSync(f);
      for (const form of [secret, encodeURIComponent(secret), 'w0rd-SECRET']) assert.ok(!bytes.includes(form), `${f} holds the secret`);
    }
  });

  it('an https:// upstream that speaks plain HTTP is unreachable (TLS), not an internal error: the event waits, recorded once', async () => {
    const url = await upstreamRepo(suite.server, 'tls');
    const root = keep(await checkout(url, ADA));
    const plain = createServer((socket) => socket.on('data', () => socket.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n')));
    await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r));
    const https = `https://127.0.0.1:${(plain.address() as AddressInfo).port}/tls.git`;
    try {
      await runGit(['remote', 'set-url', 'origin', https], { cwd: root });
      const done = await fh(root, ['task', 'done', 'WP', 'T01']);
      assert.equal(done.code, 0, done.stdout + done.stderr);
      assert.match(done.stdout, /pending: upstream https:\/\/127\.0\.0\.1:\d+\/tls\.git is unreachable \(TLS: no TLS at that address/);
      assert.match(done.stdout, /waits in the outbox/);
      const again = await fh(root, ['relay']);
      assert.equal(again.code, 1, again.stdout + again.stderr);
      assert.match(again.stdout, /not relayed: upstream .* is unreachable \(TLS/);
      assert.equal(pendingIds(root).length, 1);
    } finally {
      plain.close();
    }
  });

  it('refuses branch names git refuses (HEAD, a..b) and names a branch upstream lacks; the event waits, safe', async () => {
    const url = await upstreamRepo(suite.server, 'branches');
    const root = keep(await checkout(url, ADA));
    assert.equal((await fh(root, ['task', 'done', 'WP', 'T01', '--queue'])).code, 0);
    const head = await fh(root, ['relay', '--branch', 'HEAD']);
    assert.equal(head.code, 2, head.stdout + head.stderr);
    assert.match(head.stderr, /--branch 'HEAD' cannot be used: 'HEAD' names git's HEAD, not a branch/);
    assert.equal((await fh(root, ['relay', '--branch', 'a..b'])).code, 2);
    const missing = await fh(root, ['relay', '--branch', 'nope']);
    assert.equal(missing.code, 1, missing.stdout + missing.stderr);
    assert.match(missing.stdout, /not relayed: upstream http:\S+ has no branch 'nope' \(it has main\); fix --branch/);
    await runGit(['config', 'fleethub.branch', 'bad..name'], { cwd: root });
    const task = await fh(root, ['task', 'done', 'WP', 'T02']);
    assert.equal(task.code, 1, task.stdout + task.stderr);
    assert.match(task.stdout, /the branch 'bad\.\.name' \(from git config fleethub\.branch\) cannot be used/);
    assert.match(task.stdout, /is safe in the outbox \(do not record it again\)/);
    assert.equal(pendingIds(root).length, 2);
    assert.deepEqual(await upstreamLog(suite.server, 'branches'), ['initial commit']);
    assert.equal(await runGit(['--git-dir', join(suite.server.root, 'branches.git'), 'for-each-ref', '--format=%(refname)']), 'refs/heads/main', 'no refs/heads/HEAD, no other branch');
  });

  it('never pushes from a shallow clone: a shallow relay clone is replaced by a full one', async () => {
    const url = await upstreamRepo(suite.server, 'shallow');
    await pushChange(url, (dir) => writeFileSync(join(dir, 'registry/nodes/a.md'), readFileSync(join(dir, 'registry/nodes/a.md'), 'utf8') + 'Second.\n'), 'second');
    const root = keep(await checkout(url, ADA));
    const gitdir = relayCloneDir(root, url);
    await runGit(['clone', '-q', '--bare', '--depth', '1', url, gitdir]);
    assert.ok(existsSync(join(gitdir, 'shallow')));
    const pushesBefore = suite.server.requests.filter((r) => r.service === 'git-receive-pack' && r.method === 'POST').length;
    const done = await fh(root, ['task', 'done', 'WP', 'T01']);
    assert.equal(done.code, 0, done.stdout);
    assert.ok(!existsSync(join(gitdir, 'shallow')), 'the relay clone is full');
    assert.equal(await runGit(['--git-dir', gitdir, 'rev-list', '--count', 'refs/heads/fleethub-relay']), '3');
    assert.equal(suite.server.requests.filter((r) => r.service === 'git-receive-pack' && r.method === 'POST').length - pushesBefore, 1);
  });

  it('fetches only what is new: the second pass does not download the history again', async () => {
    const big = Array.from({ length: 40_000 }, (_, i) => `line ${i} ${(i * 7919) % 100_003}`).join('\n');
    const url = await upstreamRepo(suite.server, 'incremental', { ...smallFleet(), 'docs/big.txt': big });
    const root = keep(await checkout(url, ADA));
    const packBytes = (): number => {
      const dir = join(relayCloneDir(root, url), 'objects/pack');
      return existsSync(dir) ? readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0) : 0;
    };
    assert.equal((await fh(root, ['task', 'done', 'WP', 'T01'])).code, 0);
    const first = packBytes();
    assert.ok(first > 100_000, `the first fetch brings the history (${first} bytes)`);
    assert.equal((await fh(root, ['task', 'done', 'WP', 'T02'])).code, 0);
    const second = packBytes() - first;
    assert.ok(second < first / 10, `the second fetch brings only what is new (${second} bytes after ${first})`);
    assert.match((await upstreamFile(suite.server, 'incremental', 'workplans/WP.md'))!, /- \[x\] T02 Second/);
  });

  it('loses nothing when the cache is deleted or corrupt; a corrupt outbox is an error that names it', async () => {
    const url = await upstreamRepo(suite.server, 'cache');
    const root = keep(await checkout(url, ADA));
    assert.equal((await fh(root, ['task', 'done', 'WP', 'T01', '--queue'])).code, 0);
    rmSync(join(root, '.fleethub/cache.sqlite'), { force: true });
    writeFileSync(join(root, '.fleethub/cache.sqlite'), 'not a database');
    const relayed = await fh(root, ['relay']);
    assert.equal(relayed.code, 0, relayed.stdout + relayed.stderr);
    assert.match((await upstreamFile(suite.server, 'cache', 'workplans/WP.md'))!, /- \[x\] T01 First/);

    const broken = keep(await checkout(url, ADA));
    mkdirSync(join(broken, '.fleethub'));
    writeFileSync(join(broken, '.fleethub/outbox.sqlite'), 'garbage, not SQLite'.repeat(100));
    const r = await fh(broken, ['task', 'done', 'WP', 'T02']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /the outbox .*outbox\.sqlite cannot be read .*fleethub will not replace it/);
    assert.doesNotMatch(r.stderr, /at .*\.js:\d+/);
  });
});

describe('a task change and status/', () => {
  it('carries the board it moves in the same commit, so upstream stays what its files produce (a check over the tasks table included); a status/ already out of date is named, not rewritten', async () => {
    // A named check over the tasks: its result on the board moves with a task too (T03 done before T02 fails it).
    const checks = `kind: checks\nchecks:\n  - id: done-after-deps\n    title: No finished task depends on an unfinished one\n    sql: |-\n      SELECT t.key FROM tasks t JOIN edges e ON e.src_kind = 'task' AND e.src_id = t.key AND e.rel = 'depends' JOIN tasks d ON d.key = e.dst_id WHERE t.state = 'done' AND d.state <> 'done'\n    expect: { empty: true }\n`;
    const url = await upstreamRepo(suite.server, 'board', smallFleet({ 'policies/checks.yaml': checks }));
    const root = keep(await checkout(url, ADA));
    assert.equal((await fh(root, ['reconcile', '--push'])).code, 0);
    await runGit(['pull', '-q'], { cwd: root });
    const check = async (): Promise<number | null> => (await fh(root, ['reconcile', '--check', '--fail-on', 'none'])).code;
    assert.equal(await check(), 0, 'status/ as its files produce it');
    const changed = async (): Promise<string[]> => (await runGit(['--git-dir', join(suite.server.root, 'board.git'), 'show', '--name-only', '--format=', 'main'])).trim().split('\n').sort();

    const done = await fh(root, ['task', 'done', 'WP', 'T01', '--format', 'json']);
    assert.equal(done.code, 0, done.stderr + done.stdout);
    const json = JSON.parse(done.stdout) as { status: { files: string[]; outOfDate: string[] | null }; relay: { state: string; commits: string[] } };
    assert.deepEqual(json.status, { files: ['status/BOARD.md'], outOfDate: null, unevaluable: null });
    assert.deepEqual([json.relay.state, json.relay.commits.length], ['applied', 1]);
    assert.deepEqual(await changed(), ['status/BOARD.md', 'status/journal/ada_fleet.invalid.jsonl', 'workplans/WP.md'], 'one commit: the task, its journal line and the board');
    await runGit(['pull', '-q'], { cwd: root });
    assert.equal(await check(), 0, 'upstream after the task commit: no drift (before, the board still showed T01 open)');
    assert.match((await fh(root, ['task', 'start', 'WP', 'T02'])).stdout, /with status\/BOARD\.md, as the files now produce it/);
    await runGit(['pull', '-q'], { cwd: root });
    // T03 done while T02 is not: the check fails once it lands, and the board pushed with it says so already.
    assert.equal((await fh(root, ['task', 'done', 'WP', 'T03'])).code, 0);
    await runGit(['pull', '-q'], { cwd: root });
    assert.match(readFileSync(join(root, 'status/BOARD.md'), 'utf8'), /\| check-failed \| check:done-after-deps \|/);
    assert.equal(await check(), 0, 'the check result on the board is the one the files give');
    assert.deepEqual(readdirSync(join(root, '.fleethub')).filter((n) => n.startsWith('task-view-')), [], 'the scratch directory is removed');

    // A board edited by hand (out of date before the change): the task lands alone, and the output says why status/ was left.
    writeFileSync(join(root, 'status/BOARD.md'), `${readFileSync(join(root, 'status/BOARD.md'), 'utf8')}\nedited by hand\n`);
    const blocked = await fh(root, ['task', 'block', 'WP', 'T02']);
    assert.equal(blocked.code, 0, blocked.stderr);
    assert.match(blocked.stdout, /status\/ not updated: it was already out of date here \(status\/BOARD\.md\); 'git pull', then 'fleethub reconcile --push', brings it up to date/);
    assert.deepEqual(await changed(), ['status/journal/ada_fleet.invalid.jsonl', 'workplans/WP.md']);
  });

  it('from two machines, the second one not pulled: its task lands on the first one’s, the board it carried is named as not updated upstream (not silently dropped), and reconcile --push after a pull brings it up to date', async () => {
    const url = await upstreamRepo(suite.server, 'two-boards', smallFleet());
    const ada = keep(await checkout(url, ADA));
    assert.equal((await fh(ada, ['reconcile', '--push'])).code, 0);
    const bob = keep(await checkout(url, BOB));
    await runGit(['pull', '-q'], { cwd: ada });
    assert.equal((await fh(ada, ['task', 'done', 'WP', 'T01'])).code, 0);
    // Bob has not pulled Ada's commit: his board is computed without T01 done.
    const started = await fh(bob, ['task', 'start', 'WP', 'T02', '--format', 'json']);
    assert.equal(started.code, 0, started.stderr + started.stdout);
    const json = JSON.parse(started.stdout) as { relay: { state: string; commits: string[]; superseded: string[] } };
    assert.deepEqual([json.relay.state, json.relay.commits.length, json.relay.superseded], ['applied', 1, ['status/BOARD.md']]);
    // In text, the line the command prints after the commit's (relayOutcome, given the pass this JSON reports).
    const report: RelayReport = { target: 'upstream', url, branch: 'main', pending: 2, applied: 1, landed: 1, dead: [], superseded: json.relay.superseded, commits: json.relay.commits, written: [], warnings: [], pushes: 1, ms: { fetch: 0, plan: 0, commit: 0, push: 0, total: 0 } };
    assert.deepEqual(relayOutcome({ ok: true, report }, ['e1', 'e2'], PLAIN).lines.slice(1), [
      "  status/BOARD.md not updated upstream: another run wrote it there first, without this change; 'git pull', then 'fleethub reconcile --push', brings it up to date",
    ]);
    // A second change here: the board, behind Bob's own task now, is not the change's to rewrite, and the way out is the same.
    const text = await fh(bob, ['task', 'block', 'WP', 'T03']);
    assert.match(text.stdout, /status\/ not updated: it was already out of date here \(status\/BOARD\.md\); 'git pull', then 'fleethub reconcile --push', brings it up to date/);
    const plan = (await upstreamFile(suite.server, 'two-boards', 'workplans/WP.md'))!;
    assert.match(plan, /- \[x\] T01/);
    assert.match(plan, /- \[\/\] T02/, 'both tasks landed');
    await runGit(['pull', '-q'], { cwd: bob });
    assert.equal((await fh(bob, ['reconcile', '--check', '--fail-on', 'none'])).code, 1, 'the board upstream lacks Bob’s changes, as he was told');
    assert.equal((await fh(bob, ['reconcile', '--push'])).code, 0);
    await runGit(['pull', '-q'], { cwd: bob });
    assert.equal((await fh(bob, ['reconcile', '--check', '--fail-on', 'none'])).code, 0, 'as the message said');
  });
});

describe('reconcile --push', () => {
  it('records the changed generated files as events and relays them upstream as one commit', async () => {
    const url = await upstreamRepo(suite.server, 'status');
    const root = keep(await checkout(url, ADA));
    const pushed = await fh(root, ['reconcile', '--push', '--format', 'json']);
    assert.equal(pushed.code, 0, pushed.stdout + pushed.stderr);
    const json = JSON.parse(pushed.stdout) as { events: string[]; relay: { state: string } };
    assert.equal(json.events.length, 3);
    assert.equal(json.relay.state, 'applied');
    assert.match((await upstreamFile(suite.server, 'status', 'status/modes.json'))!, /"a": \{"mode":"UNKNOWN"/);
    assert.match((await upstreamFile(suite.server, 'status', 'status/BOARD.md'))!, /^# Architecture status board$/m);
    assert.equal(await runGit(['status', '--porcelain'], { cwd: root }), '', 'working tree untouched');
    await runGit(['pull', '-q'], { cwd: root });
    const again = await fh(root, ['reconcile', '--push', '--format', 'json']);
    assert.deepEqual((JSON.parse(again.stdout) as { events: string[] }).events, [], 'a steady fleet records nothing');
  });

  it('refuses while a fleet file differs from HEAD here (status/ would describe files upstream does not have), naming it; nothing recorded', async () => {
    const url = await upstreamRepo(suite.server, 'dirty');
    const root = keep(await checkout(url, ADA));
    const plan = join(root, 'workplans/WP.md');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace('- [ ] T01', '- [x] T01'));
    writeFileSync(join(root, 'registry/nodes/new.md'), '---\ntitle: New\nrole: edge\n---\n');
    const refused = await fh(root, ['reconcile', '--push', '--format', 'json']);
    assert.equal(refused.code, 2, refused.stdout);
    const error = (JSON.parse(refused.stdout) as { error: { code: string; message: string; data: { paths: string[] } } }).error;
    assert.deepEqual(error.data.paths, ['registry/nodes/new.md', 'workplans/WP.md']);
    assert.match(error.message, /differ from HEAD here: commit and push them first/);
    assert.deepEqual(pendingIds(root), [], 'nothing recorded');
    assert.equal(await upstreamFile(suite.server, 'dirty', 'status/BOARD.md'), null, 'nothing pushed');
    await runGit(['checkout', '--', 'workplans'], { cwd: root });
    rmSync(join(root, 'registry/nodes/new.md'));
    assert.equal((await fh(root, ['reconcile', '--push'])).code, 0, 'clean again: it pushes');
  });
});
