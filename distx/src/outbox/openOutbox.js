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
export const OUTBOX_FORMAT = 1;
export function outboxPath(root) {
    return join(root, STATE_DIR, 'outbox.sqlite');
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
export function openOutbox(root, options = {}) {
    const path = outboxPath(root);
    if (!existsSync(path)) {
        if (options.create === false)
            return null;
        createOutbox(root, path);
    }
    const wrong = notAnOutboxFile(path);
    if (wrong)
        throw new OutboxCorruptError(path, wrong);
    let db;
    try {
        db = new Database(path, { fileMustExist: true });
        db.pragma('busy_timeout = 10000');
        // Looked at before anything is changed in it (journal_mode = WAL rewrites the header of a database that is not ours).
        const tables = new Set(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all());
        const missing = ['meta', 'events'].filter((t) => !tables.has(t));
        if (missing.length > 0) {
            db.close();
            throw new OutboxCorruptError(path, `a SQLite database, but not an outbox: no ${missing.join(' or ')} table`);
        }
        const found = db.prepare(`SELECT value FROM meta WHERE key = 'format'`).pluck().get();
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
    }
    catch (e) {
        if (e instanceof OutboxVersionError || e instanceof OutboxCorruptError)
            throw e;
        throw new OutboxCorruptError(path, e.message);
    }
    return outboxOn(db, path);
}
/** Why the file at `path` cannot be an outbox before SQLite opens it (not a file, empty), or null. */
function notAnOutboxFile(path) {
    const st = statSync(path);
    if (!st.isFile())
        return st.isDirectory() ? 'a directory, not a file' : 'not a regular file';
    // An empty main file is an empty database to SQLite — unless a write-ahead log holds its pages.
    if (st.size === 0 && !(existsSync(`${path}-wal`) && statSync(`${path}-wal`).size > 0))
        return 'an empty file (0 bytes): its events, if it had any, are gone from it';
    return null;
}
/** A new, empty outbox: made at a temporary name, durable, then linked to `path` (a concurrent creator's outbox wins, whole). */
function createOutbox(root, path) {
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
        }
        finally {
            db.close();
        }
        const fd = openSync(tmp, 'r');
        try {
            fsyncSync(fd);
        }
        finally {
            closeSync(fd);
        }
        try {
            linkSync(tmp, path);
        }
        catch (e) {
            if (e.code !== 'EEXIST')
                throw e;
        }
    }
    finally {
        rmSync(tmp, { force: true });
    }
}
function outboxOn(db, path) {
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
    const guard = (f) => {
        try {
            return f();
        }
        catch (e) {
            const code = e.code ?? '';
            if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB')
                throw new OutboxCorruptError(path, e.message);
            throw e;
        }
    };
    return {
        path,
        append: (events) => guard(() => {
            db.transaction(() => {
                for (const e of events)
                    insert.run(e.id, e.body.type, JSON.stringify(e.body.payload), e.writer.name, e.writer.email, e.at);
            }).immediate();
            return events.map((e) => toEvent(byId.get(e.id)));
        }),
        list: (state, limit = -1, newest = false) => guard(() => (newest ? (state ? lastByState.all(state, limit) : last.all(limit)) : state ? byState.all(state, limit) : all.all(limit)).map(toEvent)),
        get: (id) => guard(() => {
            const row = byId.get(id);
            return row ? toEvent(row) : undefined;
        }),
        counts: () => guard(() => {
            const out = { pending: 0, applied: 0, dead: 0, dropped: 0 };
            for (const r of db.prepare(`SELECT state, count(*) AS n FROM events GROUP BY state`).all())
                out[r.state] = r.n;
            return out;
        }),
        settle: (outcome) => guard(() => db.transaction(() => {
            for (const a of outcome.applied)
                applied.run(a.commit, outcome.at, a.id);
            for (const d of outcome.dead)
                dead.run(d.code, d.reason, outcome.at, d.id);
        }).immediate()),
        retry: (id) => guard(() => retry.run(id).changes === 1),
        drop: (id, at) => guard(() => drop.run(at, id).changes === 1),
        relayState: () => guard(() => {
            const raw = getMeta.get('relay');
            return raw ? JSON.parse(raw) : { failures: 0, nextAttemptAt: null, lastError: null, lastSuccessAt: null };
        }),
        setRelayState: (state) => guard(() => void setMeta.run('relay', JSON.stringify(state))),
        close: () => db.close(),
    };
}
function toEvent(r) {
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
    };
}
//# sourceMappingURL=openOutbox.js.map