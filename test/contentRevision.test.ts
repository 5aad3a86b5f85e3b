/**
 * The cache's content revision (src/cache/contentRevision.ts) is the key the
 * checks' results are reused under, so it must move on every change a query
 * could see (a stale key would hand a check a stale result) and stay put
 * when nothing changed (or the reuse would never happen). A real cache file,
 * built and refreshed from real files.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { copyExampleFleet, removeDir, writeFile } from './helpers/fleet.js';
import { cachePath, openCacheFile } from '../src/cache/cacheFile.js';
import { cacheMemo } from '../src/cache/cacheMemo.js';
import { contentRevision } from '../src/cache/contentRevision.js';
import { copyCache } from '../src/cache/copyCache.js';
import { WALK_KEY } from '../src/cache/walkDigest.js';
import { rebuildCache } from '../src/cache/rebuildCache.js';
import { refreshCache } from '../src/cache/refreshCache.js';
import { tempDir } from './helpers/fleet.js';

async function revisionAfterRefresh(root: string, paths?: string[]): Promise<string> {
  const r = await refreshCache(root, paths ? { paths } : {});
  try {
    return contentRevision(r.db);
  } finally {
    r.db.close();
  }
}

describe('contentRevision', () => {
  it('stays put while nothing changes, and moves on every write to a table a check can read', async () => {
    const root = copyExampleFleet();
    try {
      await rebuildCache(root);
      const built = await revisionAfterRefresh(root);
      assert.equal(await revisionAfterRefresh(root), built, 'a refresh that finds nothing to do');

      const db = openCacheFile(cachePath(root))!;
      try {
        cacheMemo(db).set('check:x', 'k', 'v');
        assert.equal(contentRevision(db), built, 'a memo write is no change of content');
        const seen = new Set([built]);
        const writes = [
          `INSERT INTO observations VALUES ('node1', '2026-01-01T00:00:00Z', 1, 'ok', '[]', NULL)`,
          `UPDATE observations SET ok = 0 WHERE node = 'node1'`,
          `DELETE FROM observations WHERE node = 'node1'`,
          `UPDATE records SET title = title || '!' WHERE rowid = (SELECT min(rowid) FROM records)`,
          `DELETE FROM edges WHERE rowid = (SELECT min(rowid) FROM edges)`,
          `INSERT INTO findings (file, line, col, severity, code, message, origin) VALUES ('x', 1, 1, 'error', 'c', 'm', 'file')`,
          `UPDATE files SET mtime_ms = mtime_ms + 1 WHERE rowid = (SELECT min(rowid) FROM files)`,
          `INSERT INTO node_status VALUES ('node1', 'normal', NULL, NULL, 0, 0, '')`,
          `INSERT INTO peer_diversity VALUES ('node1', 0, 0, 0, 0, 0, '2026-01-01T00:00:00Z')`,
        ];
        for (const sql of writes) {
          db.exec(sql);
          const r = contentRevision(db);
          assert.ok(!seen.has(r), `${sql} moves the revision`);
          seen.add(r);
        }
      } finally {
        db.close();
      }

      const before = await revisionAfterRefresh(root);
      writeFile(root, 'registry/nodes/node1.md', '---\nid: node1\ntitle: changed\nrole: primary\n---\n');
      assert.notEqual(await revisionAfterRefresh(root, ['registry/nodes/node1.md']), before, 'a file re-read');

      const other = tempDir();
      try {
        const mine = await revisionAfterRefresh(root);
        await rebuildCache(root);
        assert.notEqual(await revisionAfterRefresh(root), mine, 'a new build starts a new revision, even with the same files');
        assert.ok(copyCache(root, other));
        const copy = openCacheFile(cachePath(other))!;
        try {
          assert.equal(cacheMemo(copy).get('check:x', 'k'), null, 'a copy carries no memo to reuse');
          assert.equal(copy.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(WALK_KEY), undefined, "a copy carries no walk: it was the other directory's");
        } finally {
          copy.close();
        }
      } finally {
        removeDir(other);
      }
    } finally {
      removeDir(root);
    }
  });
});
