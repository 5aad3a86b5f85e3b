/**
 * The workflows `fleethub init` scaffolds, run by the local runner
 * (scripts/workflow/runWorkflow.ts) as Forgejo would run them: each job in a
 * temporary clone from a loopback Git server that requires the automatic
 * token, the pull request comment endpoints served by a loopback stand-in of
 * the Forgejo API that records every request, the fleet's nodes real TCP
 * listeners on loopback.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startGitServer, type GitServer } from '../scripts/git-server/gitHttpServer.js';
import { runGit } from '../scripts/git-server/runGit.js';
import { upstreamFile, upstreamLog } from '../scripts/git-server/fleetUpstream.js';
import { startForgejoApiStandIn, type ForgejoApiStandIn } from '../scripts/workflow/forgejoApiStandIn.js';
import { runWorkflow, type WorkflowRun } from '../scripts/workflow/runWorkflow.js';
import { shardOf } from '../src/observe/shardOf.js';
import { cliInProcess, removeDir, REPO, tempDir } from './helpers/fleet.js';

const TOKEN = `tok${randomBytes(16).toString('hex')}`;
const REPOSITORY = 'ops/fleet';
const FLEETHUB = REPO.replace(/\/$/, '');
const AUTH = `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${TOKEN}`).toString('base64')}`;
const NODES = ['edge-1', 'n-1', 'n-2', 'n-3', 'n-4', 'n-5', 'n-6'];

let git: GitServer;
let api: ForgejoApiStandIn;
let listeners: Server[] = [];
let ports: number[] = [];
const dirs: string[] = [];

before(async () => {
  git = await startGitServer({ token: TOKEN });
  api = await startForgejoApiStandIn({ repository: REPOSITORY, token: TOKEN });
  listeners = await Promise.all(NODES.map(() => new Promise<Server>((resolve) => { const s = createServer((c) => c.end()); s.listen(0, '127.0.0.1', () => resolve(s)); })));
  ports = listeners.map((s) => (s.address() as AddressInfo).port);
});
after(async () => {
  await api.close();
  await git.close();
  await Promise.all(listeners.map((s) => new Promise((r) => s.close(r))));
  dirs.forEach(removeDir);
});

const node = (id: string, port: number, title = `Node ${id}`) => `---\ntitle: ${title}\nrole: edge\nenabled: true\narea: home\nsite: home-rack-1\nnat_group: home-nat\naddresses: ["127.0.0.1"]\nprobes:\n  tcp:\n    - { host: 127.0.0.1, port: ${port} }\nlabels:\n  agent_version: "0.1.0"\n---\nA node.\n`;
const gitIn = (dir: string, ...args: string[]) => runGit(args, { cwd: dir });
const push = (dir: string, repo: string, ref: string) => runGit(['-c', `http.extraHeader=${AUTH}`, 'push', '--quiet', git.url(repo), ref], { cwd: dir });

/** A fleet made by `fleethub init`, its nodes on the loopback listeners, status/ current, pushed to <repo> on the server. */
async function fleet(repo: string): Promise<string> {
  const dir = join(tempDir('fleethub-wf-'), 'fleet');
  dirs.push(join(dir, '..'));
  assert.equal((await cliInProcess(['init', dir])).code, 0);
  NODES.forEach((id, i) => writeFileSync(join(dir, 'registry/nodes', `${id}.md`), node(id, ports[i]!)));
  writeFileSync(join(dir, 'policies/modes.yaml'), 'kind: modes\nfailure_threshold: 3\nsuccess_threshold: 2\nprobe_timeout: 500ms\ntick_deadline: 3s\nrefresh_interval: 1h\n');
  const w = await cliInProcess(['reconcile', '--write', '--fail-on', 'none', '--root', dir]);
  assert.equal(w.code, 0, w.stderr);
  await gitIn(dir, 'add', '-A');
  await gitIn(dir, 'commit', '--quiet', '-m', 'fleet repository');
  await git.createRepo(repo);
  await push(dir, repo, 'main');
  return dir;
}

const prEvent = (number: number, head: string, sha: string, headRepo = REPOSITORY) => ({ name: 'pull_request', payload: { action: 'synchronize', number, pull_request: { number, head: { ref: head, sha, repo: { full_name: headRepo } }, base: { ref: 'main', repo: { full_name: REPOSITORY } } } } });
const run = (dir: string, repo: string, file: string, event: { name: string; payload: Record<string, unknown> }, branch: string): Promise<WorkflowRun> =>
  runWorkflow({ workflow: join(dir, '.forgejo/workflows', file), event, gitUrl: git.url(repo), serverUrl: api.url, repository: REPOSITORY, branch, baseBranch: 'main', token: TOKEN, vars: { FLEETHUB_PACKAGE: FLEETHUB } });
const failed = (r: WorkflowRun) => r.jobs.flatMap((j) => j.steps.filter((s) => s.status === 'failure').map((s) => `${j.id}: ${s.name}\n${s.output}`)).join('\n');
const outputs = (r: WorkflowRun) => r.jobs.flatMap((j) => j.steps.map((s) => s.output)).join('\n');
const scheduled = { name: 'schedule', payload: { schedule: '*/15 * * * *', repository: { full_name: REPOSITORY } } };

describe('the pull request job (fleethub-check.yml)', () => {
  let dir: string;
  before(async () => {
    dir = await fleet('pr');
  });

  it('posts the diff as one comment, edits that comment on a second push, and never shows the token', async () => {
    await gitIn(dir, 'checkout', '--quiet', '-b', 'change');
    writeFileSync(join(dir, 'registry/nodes/n-1.md'), node('n-1', ports[1]!, 'Renamed node one'));
    assert.equal((await cliInProcess(['reconcile', '--write', '--fail-on', 'none', '--root', dir])).code, 0);
    await gitIn(dir, 'commit', '--quiet', '-am', 'n-1: a new title');
    await push(dir, 'pr', 'change');
    const first = await run(dir, 'pr', 'fleethub-check.yml', prEvent(7, 'change', await gitIn(dir, 'rev-parse', 'HEAD')), 'change');
    assert.ok(first.ok, failed(first) || first.log);
    const writes = () => api.requests.filter((r) => r.method !== 'GET');
    assert.deepEqual(writes().map((r) => `${r.method} ${r.path} ${r.status}`), ['POST /api/v1/repos/ops/fleet/issues/7/comments 201']);
    assert.equal(api.comments.length, 1);
    const posted = api.comments[0]!;
    assert.equal(posted.body.split('\n')[0], '<!-- fleethub-diff -->', 'the marker is the first line');
    assert.match(posted.body, /n-1/);
    assert.match(posted.body, /Renamed node one/);

    writeFileSync(join(dir, 'registry/nodes/n-2.md'), node('n-2', ports[2]!, 'Renamed node two'));
    assert.equal((await cliInProcess(['reconcile', '--write', '--fail-on', 'none', '--root', dir])).code, 0);
    await gitIn(dir, 'commit', '--quiet', '-am', 'n-2: a new title');
    await push(dir, 'pr', 'change');
    const second = await run(dir, 'pr', 'fleethub-check.yml', prEvent(7, 'change', await gitIn(dir, 'rev-parse', 'HEAD')), 'change');
    assert.ok(second.ok, failed(second));
    assert.deepEqual(writes().map((r) => `${r.method} ${r.path} ${r.status}`), ['POST /api/v1/repos/ops/fleet/issues/7/comments 201', `PATCH /api/v1/repos/ops/fleet/issues/comments/${posted.id} 200`]);
    assert.equal(api.comments.length, 1, 'never a second comment');
    assert.match(api.comments[0]!.body, /Renamed node two/);
    assert.ok(api.requests.every((r) => r.auth === 'ok'), 'every request carried the automatic token');
    for (const r of [first, second]) {
      assert.ok(!outputs(r).includes(TOKEN) && !r.log.includes(TOKEN), 'the token is in no step output and no log line');
      assert.ok(!outputs(r).includes(Buffer.from(`x-access-token:${TOKEN}`).toString('base64')));
    }
  });

  it('a pull request from a fork gets the checks without a comment, and its log says so', async () => {
    const before = api.requests.length;
    const r = await run(dir, 'pr', 'fleethub-check.yml', prEvent(8, 'change', await gitIn(dir, 'rev-parse', 'HEAD'), 'someone/fleet'), 'change');
    assert.ok(r.ok, failed(r));
    assert.deepEqual(api.requests.slice(before), [], 'no request at all: nothing is posted with a read-only token');
    const comment = r.jobs[0]!.steps.find((s) => s.name.includes('fleethub comment'))!;
    assert.match(comment.output, /pull request #8 comes from a fork \(someone\/fleet\): its token is read-only, so no comment is posted/);
    assert.match(comment.output, /Renamed node two/, 'the diff is in the log instead');
    assert.ok(r.jobs[0]!.steps.some((s) => s.name.includes('reconcile --check') && s.status === 'success'), 'the drift check ran');
  });
});

describe('the scheduled job (fleethub-reconcile.yml)', () => {
  const statusCommits = async (repo: string) => (await upstreamLog(git, repo, '%an|%s')).filter((l) => l.startsWith('fleethub|'));

  it('probes in 3 shards, hands their observations to the fan-in, and commits status once (a second run commits nothing)', async () => {
    const dir = await fleet('sched');
    assert.ok([1, 2, 3].every((s) => NODES.some((id) => shardOf(id, 3) === s)), 'each shard has nodes');
    const r = await run(dir, 'sched', 'fleethub-reconcile.yml', scheduled, 'main');
    assert.ok(r.ok, failed(r) || r.log);
    assert.deepEqual(r.jobs.map((j) => `${j.id}${j.matrix ? ` ${String(j.matrix.shard)}` : ''} ${j.status}`), ['probe 1 success', 'probe 2 success', 'probe 3 success', 'reconcile success']);
    assert.match(r.log, /downloaded 3 artifacts: observations-1, observations-2, observations-3/);
    assert.equal((await statusCommits('sched')).length, 1);
    const modes = JSON.parse((await upstreamFile(git, 'sched', 'status/modes.json'))!) as { nodes: Record<string, { mode: string }> };
    for (const id of NODES) assert.equal(modes.nodes[id]!.mode, 'ACTIVE', `${id}: observed by its shard, merged by the fan-in`);
    assert.ok(!outputs(r).includes(TOKEN));
    const again = await run(dir, 'sched', 'fleethub-reconcile.yml', scheduled, 'main');
    assert.ok(again.ok, failed(again));
    assert.equal((await statusCommits('sched')).length, 1, `nothing changed in the fleet: nothing committed\n${await runGit(['--git-dir', join(git.root, 'sched.git'), 'log', '-p', '-2', 'main'])}`);
  });

  it('a shard whose job fails: the fan-in still runs, its nodes keep their state, a warning names the shard', async () => {
    const dir = await fleet('broken');
    // The scaffolded workflow with one more step in the probe job that fails in shard 2 (as a runner dying mid-job would).
    const file = join(dir, '.forgejo/workflows/fleethub-reconcile.yml');
    const text = readFileSync(file, 'utf8');
    const broken = text.replace(/(\n      - uses: https:\/\/code\.forgejo\.org\/forgejo\/upload-artifact@v4)/, "\n      - if: ${{ matrix.shard == 2 }}\n        run: exit 1$1");
    assert.notEqual(broken, text);
    writeFileSync(join(dir, '.forgejo/workflows/broken-shard.yml'), broken);
    const r = await run(dir, 'broken', 'broken-shard.yml', scheduled, 'main');
    assert.deepEqual(r.jobs.map((j) => `${j.id}${j.matrix ? ` ${String(j.matrix.shard)}` : ''} ${j.status}`), ['probe 1 success', 'probe 2 failure', 'probe 3 success', 'reconcile success']);
    assert.match(r.log, /downloaded 2 artifacts: observations-1, observations-3/);
    const fanIn = r.jobs.find((j) => j.id === 'reconcile')!.steps.at(-1)!.output;
    assert.match(fanIn, /warning\[probe-shard-missing\]: probe shard 2\/3 is missing/);
    const modes = JSON.parse((await upstreamFile(git, 'broken', 'status/modes.json'))!) as { nodes: Record<string, { mode: string }> };
    for (const id of NODES) assert.equal(modes.nodes[id]!.mode, shardOf(id, 3) === 2 ? 'UNKNOWN' : 'ACTIVE', `${id} (shard ${shardOf(id, 3)})`);
  });

  it('two runs started together corrupt nothing and commit nothing twice', async () => {
    const dir = await fleet('twice');
    const base = (await upstreamLog(git, 'twice')).length;
    const [a, b] = await Promise.all([run(dir, 'twice', 'fleethub-reconcile.yml', scheduled, 'main'), run(dir, 'twice', 'fleethub-reconcile.yml', scheduled, 'main')]);
    assert.ok(a.ok && b.ok, failed(a) + failed(b));
    const log = await upstreamLog(git, 'twice', '%H %an %s');
    const said = [a, b].map((r) => r.jobs.find((j) => j.id === 'reconcile')!.steps.at(-1)!.output);
    assert.equal(said.filter((o) => /relayed to .* in [0-9a-f]{10}/.test(o)).length, 1, said.join('\n'));
    // The other run either read status/ before the first landed (its events are superseded, or upstream has them: nothing to commit) or after it (nothing changed: nothing recorded).
    const other = said.find((o) => !/relayed to .* in [0-9a-f]{10}/.test(o))!;
    assert.ok(/not updated upstream: another run wrote|nothing to commit: .* has these changes already/.test(other) || !/recorded for upstream/.test(other), other);
    assert.equal(log.length - base, 1, `one commit for the one change:\n${await runGit(['--git-dir', join(git.root, 'twice.git'), 'log', '--stat', 'main'])}`);
    const modes = JSON.parse((await upstreamFile(git, 'twice', 'status/modes.json'))!) as { nodes: Record<string, { mode: string }> };
    for (const id of NODES) assert.equal(modes.nodes[id]!.mode, 'ACTIVE');
    const clone = join(tempDir('fleethub-wf-clone-'), 'c');
    dirs.push(join(clone, '..'));
    await runGit(['-c', `http.extraHeader=${AUTH}`, 'clone', '--quiet', git.url('twice'), clone]);
    assert.equal((await cliInProcess(['validate', '--root', clone])).code, 0);
    const check = await cliInProcess(['reconcile', '--check', '--fail-on', 'none', '--root', clone]);
    assert.equal(check.code, 0, `upstream's status/ is what its files produce:\n${check.stdout}`);
  });
});
