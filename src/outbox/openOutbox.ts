/**
 * The durable outbox: `.fleethub/outbox.sqlite`, separate from the cache (the
 * cache can be deleted at any time; this file never is). Every write goes in
 * one transaction with `synchronous = FULL`, so after `append` returns the
 * events survive a crash or power loss, and a `kill -9` at any instant leaves
 * each event either wholly in or wholly out. Several processes may use it at
 * once (SQLite's locking, a busy timeout).
 *
 * A file that is not a valid outbox is an error naming it, never replaced.
 *
 * Events are never deleted: an applied event keeps the commit that carries it,
 * a dead one its reason, a dropped one stays for the record.
 */
import { closeSync, existsSync, fsyncSync, linkSync, openSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ensureStateDir, STATE_DIR } from '../repo/ensureStateDir.js';
import { OutboxCorruptError, OutboxVersionError } from '../errors.js';
import type { EventBody, EventState, OutboxEvent, Writer } from '../reconcile/outboxEvent.js';

export const OUTBOX_FORMAT = 1;

export function outboxPath(root: string): string {
  return join(root, STATE_DIR, 'outbox.sqlite');
}

export interface NewEvent {
  body: EventBody;
  writer: Writer;
  at: string;
  id: string;
}

export interface DeadLetter {
  id: string;
  code: string;
  reason: string;
}

/** Backoff state of the relay: consecutive failures, when to try next, the last error. */
export interface RelayState {
  failures: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  lastSuccessAt: string | null;
}

export interface Outbox {
  readonly path: string;
  /** Appends events in one durable transaction; returns them as stored. */
  append(events: NewEvent[]): OutboxEvent[];
  /** Events in relay order (seq), of one state, or all; `newest`: the last `limit` of them (still in relay order). */
  list(state?: EventState, limit?: number, newest?: boolean): OutboxEvent[];
  get(id: string): OutboxEvent | undefined;
  counts(): Record<EventState, number>;
  /** Records the outcome of a relay pass in one transaction: applied events (with their commit) and dead letters. */
  settle(outcome: { applied: Array<{ id: string; commit: string | null }>; dead: DeadLetter[]; at: string }): void;
  /** A dead event back to pending (it is retried on the next relay). False when it is not dead. */
  retry(id: string): boolean;
  /** A dead event set aside for good (kept, never relayed). False when it is not dead. */
  drop(id: string, at: string): boolean;
  relayState(): RelayState;
  setRelayState(state: RelayState): void;
  close(): void;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  payload TEXT NOT NULL,
  writer_name TEXT NOT NULL,
  writer_email TEXT NOT NULL,
  at TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'applied', 'dead', 'dropped')),
  commit_oid TEXT,
  settled_at TEXT,
  dead_code TEXT,
  dead_reason TEXT
);
CREATE INDEX IF NOT EXISTS events_by_state ON events (state, seq);
`;

interface EventRow {
  seq: number;
  id: string;
  type: string;
  payload: string;
  writer_name: string;
  writer_email: string;
  at: string;
  state: EventState;
  commit_oid: string | null;
  settled_at: string | null;
  dead_code: string | null;
  dead_reason: string | null;
}

/**
 * Opens the outbox of a fleet repository, creating it on first use (`create:
 * false` returns null instead). A file that exists is an outbox or an error
 * (OutboxCorruptError naming it) — empty, not SQLite, SQLite without the
 * outbox's tables, a directory — and is never replaced: it may be the only
 * copy of events not relayed yet. A new outbox is built aside and linked into
 * place whole, so a crash while creating it never leaves a half-made one.
 */
export function openOutbox(root: string, options?: { create?: true }): Outbox;
export function openOutbox(root: string, options: { create: boolean }): Outbox | null;
export function openOutbox(root: string, options: { create?: boolean } = {}): Outbox | null {
  const path = outboxPath(root);
  if (!existsSync(path)) {
    if (options.create === false) return null;
    createOutbox(root, path);
  }
  const wrong = notAnOutboxFile(path);
  if (wrong) throw new OutboxCorruptError(path, wrong);
  let db: Database.Database;
  try {
    db = new Database(path, { fileMustExist: true });
    db.pragma('busy_timeout = 10000');
    // Looked at before anything is changed in it (journal_mode = WAL rewrites the header of a database that is not ours).
    const tables = new Set(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]);
    const missing = ['meta', 'events'].filter((t) => !tables.has(t));
    if (missing.length > 0) {
      db.close();
      throw new OutboxCorruptError(path, `a SQLite database, but not an outbox: no ${missing.join(' or ')} table`);
    }
    const found = db.prepare(`SELECT value FROM meta WHERE key = 'format'`).pluck().get() as string | undefined;
    if (found === undefined) {
      db.close();
      throw new OutboxCorruptError(path, 'a SQLite database, but not an outbox: no format in its meta table');
    }
    if (found !== String(OUTBOX_FORMAT)) {
      db.close();
      throw new OutboxVersionError(path, String(found));
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
  } catch (e) {
    if (e instanceof OutboxVersionError || e instanceof OutboxCorruptError) throw e;
    throw new OutboxCorruptError(path, (e as Error).message);
  }
  return outboxOn(db, path);
}

/** Why the file at `path` cannot be an outbox before SQLite opens it (not a file, empty), or null. */
function notAnOutboxFile(path: string): string | null {
  const st = statSync(path);
  if (!st.isFile()) return st.isDirectory() ? 'a directory, not a file' : 'not a regular file';
  // An empty main file is an empty database to SQLite — unless a write-ahead log holds its pages.
  if (st.size === 0 && !(existsSync(`${path}-wal`) && statSync(`${path}-wal`).size > 0)) return 'an empty file (0 bytes): its events, if it had any, are gone from it';
  return null;
}

/** A new, empty outbox: made at a temporary name, durable, then linked to `path` (a concurrent creator's outbox wins, whole). */
function createOutbox(root: string, path: string): void {
  ensureStateDir(root);
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    const db = new Database(tmp);
    try {
      db.pragma('journal_mode = DELETE');
      db.pragma('synchronous = FULL');
      db.transaction(() => {
        db.exec(SCHEMA);
        db.prepare(`INSERT INTO meta (key, value) VALUES ('format', ?)`).run(String(OUTBOX_FORMAT));
      }).immediate();
    } finally {
      db.close();
    }
    const fd = openSync(tmp, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      linkSync(tmp, path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  } finally {
    rmSync(tmp, { force: true });
  }
}

function outboxOn(db: Database.Database, path: string): Outbox {
  const insert = db.prepare(`INSERT INTO events (id, type, payload, writer_name, writer_email, at) VALUES (?, ?, ?, ?, ?, ?)`);
  const byId = db.prepare(`SELECT * FROM events WHERE id = ?`);
  const byState = db.prepare(`SELECT * FROM events WHERE state = ? ORDER BY seq LIMIT ?`);
  const all = db.prepare(`SELECT * FROM events ORDER BY seq LIMIT ?`);
  const lastByState = db.prepare(`SELECT * FROM (SELECT * FROM events WHERE state = ? ORDER BY seq DESC LIMIT ?) ORDER BY seq`);
  const last = db.prepare(`SELECT * FROM (SELECT * FROM events ORDER BY seq DESC LIMIT ?) ORDER BY seq`);
  const applied = db.prepare(`UPDATE events SET state = 'applied', commit_oid = ?, settled_at = ? WHERE id = ? AND state = 'pending'`);
  const dead = db.prepare(`UPDATE events SET state = 'dead', dead_code = ?, dead_reason = ?, settled_at = ? WHERE id = ? AND state = 'pending'`);
  const retry = db.prepare(`UPDATE events SET state = 'pending', dead_code = NULL, dead_reason = NULL, settled_at = NULL WHERE id = ? AND state = 'dead'`);
  const drop = db.prepare(`UPDATE events SET state = 'dropped', settled_at = ? WHERE id = ? AND state = 'dead'`);
  const getMeta = db.prepare(`SELECT value FROM meta WHERE key = ?`).pluck();
  const setMeta = db.prepare(`INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
  const guard = <T>(f: () => T): T => {
    try {
      return f();
    } catch (e) {
      const code = (e as { code?: string }).code ?? '';
      if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') throw new OutboxCorruptError(path, (e as Error).message);
      throw e;
    }
  };
  return {
    path,
    append: (events) =>
      guard(() => {
        db.transaction(() => {
          for (const e of events) insert.run(e.id, e.body.type, JSON.stringify(e.body.payload), e.writer.name, e.writer.email, e.at);
        }).immediate();
        return events.map((e) => toEvent(byId.get(e.id) as EventRow));
      }),
    list: (state, limit = -1, newest = false) =>
      guard(() => ((newest ? (state ? lastByState.all(state, limit) : last.all(limit)) : state ? byState.all(state, limit) : all.all(limit)) as EventRow[]).map(toEvent)),
    get: (id) => guard(() => {
      const row = byId.get(id) as EventRow | undefined;
      return row ? toEvent(row) : undefined;
    }),
    counts: () =>
      guard(() => {
        const out: Record<EventState, number> = { pending: 0, applied: 0, dead: 0, dropped: 0 };
        for (const r of db.prepare(`SELECT state, count(*) AS n FROM events GROUP BY state`).all() as Array<{ state: EventState; n: number }>) out[r.state] = r.n;
        return out;
      }),
    settle: (outcome) =>
      guard(() =>
        db.transaction(() => {
          for (const a of outcome.applied) applied.run(a.commit, outcome.at, a.id);
          for (const d of outcome.dead) dead.run(d.code, d.reason, outcome.at, d.id);
        }).immediate(),
      ),
    retry: (id) => guard(() => retry.run(id).changes === 1),
    drop: (id, at) => guard(() => drop.run(at, id).changes === 1),
    relayState: () =>
      guard(() => {
        const raw = getMeta.get('relay') as string | undefined;
        return raw ? (JSON.parse(raw) as RelayState) : { failures: 0, nextAttemptAt: null, lastError: null, lastSuccessAt: null };
      }),
    setRelayState: (state) => guard(() => void setMeta.run('relay', JSON.stringify(state))),
    close: () => db.close(),
  };
}

function toEvent(r: EventRow): OutboxEvent {
  return {
    id: r.id,
    seq: r.seq,
    type: r.type,
    payload: JSON.parse(r.payload),
    writer: { name: r.writer_name, email: r.writer_email },
    at: r.at,
    state: r.state,
    commit: r.commit_oid,
    dead: r.state === 'dead' || r.dead_code ? { code: r.dead_code ?? '', reason: r.dead_reason ?? '', at: r.settled_at ?? '' } : null,
  } as OutboxEvent;
}
