/**
 * The relay's HTTP push (src/relay/pushPack.ts, packObjects.ts) against C
 * git: a pack made in memory is read by `git index-pack` object for object,
 * whatever the size header's length; pushed to the loopback Git server
 * (git http-backend), it creates a branch, updates it only from where it
 * was, and a refusal by upstream's hook is the relay's rejection with the
 * hook's reason, the event kept.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import nodeHttp from 'isomorphic-git/http/node';
import { checkout, runGit, upstreamFile, upstreamRepo } from '../scripts/git-server/fleetUpstream.js';
import { UpstreamRejectedError } from '../src/errors.js';
import { openOutbox } from '../src/outbox/openOutbox.js';
import { packObjects } from '../src/relay/packObjects.js';
import { pushPack } from '../src/relay/pushPack.js';
import { relay } from '../src/relay/relay.js';
import { serializeTree } from '../src/relay/serializeTree.js';
import { writeLooseObject, type GitObject, type GitObjectType } from '../src/relay/writeLooseObject.js';
import { cliAsync, tempDir } from './helpers/fleet.js';
import { gitServerSuite } from './helpers/gitServerSuite.js';

const suite = gitServerSuite();

/** An object as C git names it (`git hash-object`), written loose in a scratch repository. */
function object(scratch: string, type: GitObjectType, content: Buffer): GitObject {
  return { oid: writeLooseObject(scratch, type, content), type, content };
}

/** A root commit of one file, `name` holding `text`. */
function rootCommit(scratch: string, name: string, text: string): { commit: GitObject; objects: GitObject[] } {
  const blob = object(scratch, 'blob', Buffer.from(text));
  const tree = object(scratch, 'tree', serializeTree([{ mode: '100644', name, oid: blob.oid, type: 'blob' }]));
  const who = 'Ada Ops <ada@fleet.invalid> 1800000000 +0000';
  const commit = object(scratch, 'commit', Buffer.from(`tree ${tree.oid}\nauthor ${who}\ncommitter ${who}\n\nfirst\n`));
  return { commit, objects: [blob, tree, commit] };
}

describe('the relay push', () => {
  it('a pack made in memory is what C git reads: every object, its id and its bytes, for size headers of one to four bytes', async () => {
    const scratch = suite.keep(tempDir('fleethub-pack-'));
    // Sizes at each edge of the header: 4 bits in the first byte, then 7 per byte.
    const sizes = [0, 15, 16, 2047, 2048, 262143, 262144];
    const blobs = sizes.map((n) => object(scratch, 'blob', randomBytes(n)));
    const tree = object(scratch, 'tree', serializeTree(blobs.map((b, i) => ({ mode: '100644', name: `f${i}`, oid: b.oid, type: 'blob' as const }))));
    const who = 'Ada Ops <ada@fleet.invalid> 1800000000 +0000';
    const commit = object(scratch, 'commit', Buffer.from(`tree ${tree.oid}\nauthor ${who}\ncommitter ${who}\n\nsizes\n`));
    const all = [...blobs, tree, commit];
    const repo = suite.keep(tempDir('fleethub-pack-repo-'));
    await runGit(['init', '-q', '--bare', repo]);
    await runGit(['index-pack', '--stdin', '--strict'], { cwd: repo, input: packObjects(all) });
    const listed = (await runGit(['cat-file', '--batch-all-objects', '--batch-check=%(objectname) %(objecttype) %(objectsize)'], { cwd: repo })).split('\n').sort();
    assert.deepEqual(listed, all.map((o) => `${o.oid} ${o.type} ${o.content.length}`).sort());
    // Each id is the SHA-1 of the object's type, size and bytes as index-pack inflated them: the same ids, the same bytes.
    await runGit(['fsck', '--strict', commit.oid], { cwd: repo });
  });

  it('creates a branch upstream has not got, and updates a branch only from where it was (moved: nothing sent)', async () => {
    const name = 'fresh';
    await suite.server.createRepo(name);
    const url = suite.server.url(name);
    const scratch = suite.keep(tempDir('fleethub-pack-'));
    const first = rootCommit(scratch, 'a.txt', 'one\n');
    const push = { ref: 'refs/heads/main', old: null, new: first.commit.oid, pack: packObjects(first.objects) };
    assert.deepEqual(await pushPack(nodeHttp, url, {}, push), { status: 'pushed' });
    assert.equal(await upstreamFile(suite.server, name, 'a.txt'), 'one\n');
    const before = suite.server.requests.length;
    // Again from "no branch": upstream has one now.
    const other = rootCommit(scratch, 'a.txt', 'two\n');
    assert.deepEqual(await pushPack(nodeHttp, url, {}, { ...push, new: other.commit.oid, pack: packObjects(other.objects) }), { status: 'moved' });
    assert.deepEqual(suite.server.requests.slice(before).map((r) => r.method), ['GET'], 'only the refs were asked for');
    assert.equal(await upstreamFile(suite.server, name, 'a.txt'), 'one\n');
  });

  it("a push upstream's hook refuses is the relay's rejection with upstream's reason; the event stays pending, and lands once the hook lets it", async () => {
    const url = await upstreamRepo(suite.server, 'hooked');
    const bare = join(suite.server.root, 'hooked.git');
    const hook = join(bare, 'hooks', 'pre-receive');
    writeFileSync(hook, '#!/bin/sh\necho "protected branch" >&2\nexit 1\n');
    chmodSync(hook, 0o755);
    const root = suite.keep(await checkout(url, { name: 'Ada Ops', email: 'ada@fleet.invalid' }));
    assert.equal((await cliAsync(['task', 'done', 'WP', 'T01', '--queue', '--root', root])).code, 0);
    const io = { now: () => new Date(), random: () => 0.5, http: nodeHttp };
    await assert.rejects(relay(root, {}, io), (e: Error) => {
      assert.ok(e instanceof UpstreamRejectedError, String(e));
      assert.match(e.message, /pre-receive hook declined/);
      return true;
    });
    const outbox = openOutbox(root);
    try {
      assert.equal(outbox.counts().pending, 1);
    } finally {
      outbox.close();
    }
    rmSync(hook);
    assert.equal((await relay(root, {}, io)).applied, 1);
    assert.match((await upstreamFile(suite.server, 'hooked', 'workplans/WP.md'))!, /- \[x\] T01/);
  });
});
