/**
 * The cache's content revision (src/cache/contentRevision.ts) is the key the
 * checks' results are reused under, so two caches may share a revision only
 * when every value in them is the same value of the same type: a collision
 * would hand a check a stale result. A real SQLite database, any values
 * (text with quotes, commas, newlines and NULs; blobs; integers; reals).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { contentRevision } from '../src/cache/contentRevision.js';

type Value = null | bigint | number | string | Buffer;

const value: fc.Arbitrary<Value> = fc.oneof(
  fc.constant(null),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
  fc.double({ noNaN: true }).map((d) => (Object.is(d, -0) ? 0 : d)),
  fc.string({ unit: fc.constantFrom('a', "'", ',', '\n', '\0', 'X', '1', 'é') }),
  fc.uint8Array({ maxLength: 6 }).map((b) => Buffer.from(b)),
);
const rows = fc.array(fc.tuple(value, value), { maxLength: 4 });

function revisionOf(content: Array<[Value, Value]>): string {
  const db = new Database(':memory:');
  try {
    db.defaultSafeIntegers(true);
    db.exec('CREATE TABLE t (a, b)'); // no affinity: every value is kept as the type it was given
    const insert = db.prepare('INSERT INTO t VALUES (?, ?)');
    for (const [a, b] of content) insert.run(a, b);
    return contentRevision(db);
  } finally {
    db.close();
  }
}

/** What the values are, type included (1n is not 1.0, 'ab' is not X'6162'). */
function typed(content: Array<[Value, Value]>): string {
  return JSON.stringify(content.map((r) => r.map((v) => (v === null ? 'null' : typeof v === 'bigint' ? `i${v}` : typeof v === 'number' ? `r${v}` : Buffer.isBuffer(v) ? `b${v.toString('hex')}` : `t${JSON.stringify(v)}`))));
}

describe('contentRevision', () => {
  it('is the same for the same values and differs for any other values', () => {
    fc.assert(
      fc.property(rows, rows, (x, y) => {
        assert.equal(revisionOf(x) === revisionOf(y), typed(x) === typed(y), `${typed(x)} vs ${typed(y)}`);
      }),
      { numRuns: 400 },
    );
  });

  it('tells apart what quote() alone would not: text that differs after a NUL, text and the blob of its bytes, 1 and 1.0', () => {
    assert.notEqual(revisionOf([['a\0b', null]]), revisionOf([['a\0c', null]]));
    assert.notEqual(revisionOf([['a\0b', null]]), revisionOf([['a', null]]));
    assert.notEqual(revisionOf([['ab', null]]), revisionOf([[Buffer.from('ab'), null]]));
    assert.notEqual(revisionOf([[1n, null]]), revisionOf([[1, null]]));
    assert.notEqual(revisionOf([["a','b", null]]), revisionOf([['a', 'b']]));
  });
});
