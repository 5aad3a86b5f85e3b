/**
 * copyCache hands another directory a snapshot of a real cache file: the
 * database file copied as it is when the WAL is empty while it reads, the
 * pages serialized when a reader elsewhere keeps committed frames in the
 * WAL. Either way the copy holds every committed row, and never one a
 * writer commits after the copy began.
 */
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { cachePath, openCacheFile } from '../src/cache/cacheFile.js';
import { copyCache } from '../src/cache/copyCache.js';
import { rebuildCache } from '../src/cache/rebuildCache.js';
import { copyExampleFleet, removeDir, tempDir } from './helpers/fleet.js';

const marks = (dir: string): string[] => {
  const db = openCacheFile(cachePath(dir))!;
  try {
    return db.prepare(`SELECT key FROM meta WHERE key LIKE 'test-%' ORDER BY key`).pluck().all() as string[];
  } finally {
    db.close();
  }
};

describe('copyCache', () => {
  it('copies every committed row: with the WAL emptied first (the file as it is), and with a reader holding frames in it (serialized)', async () => {
    const root = copyExampleFleet();
    const other = tempDir();
    try {
      await rebuildCache(root);
      const writer = new Database(cachePath(root));
      writer.pragma('journal_mode = WAL');
      writer.prepare(`INSERT INTO meta VALUES ('test-1', 'committed, in the WAL only')`).run();
      assert.ok(statSync(`${cachePath(root)}-wal`).size > 0, 'the row is in the WAL, not yet in the database file');
      assert.ok(copyCache(root, other));
      assert.deepEqual(marks(other), ['test-1'], 'the WAL was checkpointed into the file before it was copied');
      assert.equal(statSync(`${cachePath(root)}-wal`).size, 0, 'and emptied');

      // A reader elsewhere pins the WAL: the frames cannot be checkpointed away, so the pages are serialized.
      const reader = new Database(cachePath(root), { readonly: true });
      reader.exec('BEGIN');
      reader.prepare('SELECT count(*) FROM meta').get();
      writer.prepare(`INSERT INTO meta VALUES ('test-2', 'committed while a reader reads')`).run();
      assert.ok(copyCache(root, other));
      assert.ok(statSync(`${cachePath(root)}-wal`).size > 0, 'the WAL could not be emptied');
      assert.deepEqual(marks(other), ['test-1', 'test-2'], 'the frames in the WAL are in the copy');
      reader.exec('COMMIT');
      reader.close();
      writer.close();
      assert.equal(existsSync(join(other, '.fleethub', `cache.sqlite.copy-${process.pid}`)), false, 'no temporary file left');
    } finally {
      removeDir(root);
      removeDir(other);
    }
  });
});
