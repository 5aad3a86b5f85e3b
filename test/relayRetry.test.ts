/**
 * The relay runs a pass again only for a damaged clone (a fresh clone cures
 * it), never after a bug; and when the second pass fails too, the first
 * failure's message is kept. In-process relay() against the loopback Git
 * server, with the HTTP client wrapped to count or cut requests.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import type { HttpClient } from 'isomorphic-git';
import nodeHttp from 'isomorphic-git/http/node';
import { checkout, upstreamFile, upstreamRepo } from '../scripts/git-server/fleetUpstream.js';
import { UpstreamUnreachableError } from '../src/errors.js';
import { openOutbox } from '../src/outbox/openOutbox.js';
import { relay } from '../src/relay/relay.js';
import { relayCloneDir } from '../src/relay/relayClone.js';
import { cliAsync } from './helpers/fleet.js';
import { gitServerSuite } from './helpers/gitServerSuite.js';

const ADA = { name: 'Ada Ops', email: 'ada@fleet.invalid' };
const suite = gitServerSuite();

const io = (http: HttpClient) => ({ now: () => new Date(), random: () => 0.5, http });
const queue = async (root: string, task: string) => assert.equal((await cliAsync(['task', 'done', 'WP', task, '--queue', '--root', root])).code, 0);
const pending = (root: string): number => {
  const o = openOutbox(root);
  try {
    return o.counts().pending;
  } finally {
    o.close();
  }
};
/**
 * Overwrites every pack of the clone with zeros of the same length, and every loose object (the relay's own commits
 * are written loose) with a byte that is no zlib stream: its objects can no longer be read.
 */
function damageObjects(gitdir: string): void {
  const dir = join(gitdir, 'objects/pack');
  const packs = readdirSync(dir).filter((f) => f.endsWith('.pack'));
  assert.ok(packs.length > 0);
  for (const f of packs) writeFileSync(join(dir, f), Buffer.alloc(64 + 12));
  let loose = 0;
  for (const sub of readdirSync(join(gitdir, 'objects')).filter((d) => /^[0-9a-f]{2}$/.test(d))) {
    for (const f of readdirSync(join(gitdir, 'objects', sub))) {
      writeFileSync(join(gitdir, 'objects', sub, f), Buffer.from([0]));
      loose++;
    }
  }
  assert.ok(loose > 0, 'the relay wrote its commit loose');
}

describe('relay retries', () => {
  it('a bug (a TypeError) is thrown at once with its own message, never retried on a fresh clone', async () => {
    const url = await upstreamRepo(suite.server, 'bug');
    const root = await checkout(url, ADA);
    suite.keep(root);
    await queue(root, 'T01');
    let calls = 0;
    const buggy: HttpClient = {
      request: async () => {
        calls += 1;
        throw new TypeError(`bug number ${calls}`);
      },
    };
    await assert.rejects(relay(root, {}, io(buggy)), (e: Error) => e instanceof TypeError && e.message === 'bug number 1');
    assert.equal(calls, 1, 'not retried');
    assert.equal(pending(root), 1);
  });

  it('a damaged clone is replaced and the pass run again; when that fails too, both messages are kept', async () => {
    const url = await upstreamRepo(suite.server, 'damaged');
    const root = await checkout(url, ADA);
    suite.keep(root);
    await queue(root, 'T01');
    const gitdir = relayCloneDir(root, url);
    await relay(root, {}, io(nodeHttp));
    await queue(root, 'T02');
    damageObjects(gitdir);
    const r = await relay(root, {}, io(nodeHttp));
    assert.equal(r.applied, 1, 'relayed on a fresh clone');
    assert.match((await upstreamFile(suite.server, 'damaged', 'workplans/WP.md'))!, /- \[x\] T02 Second/);

    // Damaged again, and upstream goes away once the first clone is gone: the second failure keeps the first.
    await queue(root, 'T03');
    damageObjects(gitdir);
    writeFileSync(join(gitdir, 'marker'), '');
    const cut: HttpClient = {
      request: (req) => (existsSync(join(gitdir, 'marker')) ? nodeHttp.request(req) : Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))),
    };
    await assert.rejects(relay(root, {}, io(cut)), (e: Error) => {
      assert.ok(e instanceof UpstreamUnreachableError, String(e));
      assert.match(e.message, /is unreachable \(ECONNREFUSED\) \(after the relay's clone was replaced because it was damaged: .+\)/);
      return true;
    });
    assert.equal(pending(root), 1);
  });

  it('a relay killed while making its clone leaves none half made; a clone that lost its remote (left by one before) is replaced', async () => {
    const url = await upstreamRepo(suite.server, 'begun');
    const root = await checkout(url, ADA);
    suite.keep(root);
    const gitdir = relayCloneDir(root, url);
    // What a kill while making the clone leaves now: a directory beside it, never the clone itself.
    mkdirSync(`${gitdir}.new-1-1`, { recursive: true });
    writeFileSync(`${gitdir}.new-1-1/HEAD`, 'ref: refs/heads/master\n');
    await queue(root, 'T01');
    assert.equal((await relay(root, {}, io(nodeHttp))).applied, 1);
    assert.deepEqual(readdirSync(dirname(gitdir)).filter((n) => n.includes('.new-')), [], 'the leftover is deleted');
    // What a kill between 'git init' and its remote left before: HEAD, and a configuration without the remote.
    writeFileSync(join(gitdir, 'config'), '[core]\n\trepositoryformatversion = 0\n\tbare = true\n');
    await queue(root, 'T02');
    assert.equal((await relay(root, {}, io(nodeHttp))).applied, 1, 'relayed on a fresh clone');
    assert.match(readFileSync(join(gitdir, 'config'), 'utf8'), /\[remote "origin"\]/);
    assert.match((await upstreamFile(suite.server, 'begun', 'workplans/WP.md'))!, /- \[x\] T02 Second/);
    assert.equal(pending(root), 0);
  });
});
