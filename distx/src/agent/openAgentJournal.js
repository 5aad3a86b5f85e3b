/**
 * The node agent's local journal: `<state dir>/journal.sqlite`, SQLite with
 * `synchronous = FULL`. It holds one document (AgentJournalState: the update
 * in progress, the epochs and versions seen, the rollback owed, the last
 * report) and an append-only timeline of the states the node went through.
 * Each `save` replaces the document and appends its timeline lines in one
 * durable transaction, so a `kill -9` at any instant leaves the journal at
 * the last save or the one before it, never between.
 *
 * A file that is not a journal is an error naming it (AgentJournalCorruptError),
 * never replaced: it may be the only record of a rollback owed.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AgentJournalCorruptError } from '../errors.js';
import { emptyJournal } from './emptyJournal.js';
export const JOURNAL_FORMAT = 1;
const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS state (id INTEGER PRIMARY KEY CHECK (id = 1), doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS timeline (seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, intent TEXT NOT NULL, version INTEGER NOT NULL, state TEXT NOT NULL, lease TEXT, reason TEXT);
`;
/**
 * `durable: false` (synchronous = OFF) is for simulated nodes only (scripts/sim/), whose
 * journals need not outlive the simulation; every real agent's journal is FULL.
 */
export function openAgentJournal(stateDir, options = {}) {
    mkdirSync(stateDir, { recursive: true, mode: 0o700 });
    const path = join(stateDir, 'journal.sqlite');
    const fresh = !existsSync(path);
    if (!fresh && !statSync(path).isFile())
        throw new AgentJournalCorruptError(path, 'not a regular file');
    let db;
    try {
        db = new Database(path);
        db.pragma('busy_timeout = 10000');
        if (!fresh) {
            const tables = new Set(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all());
            const missing = ['meta', 'state', 'timeline'].filter((t) => !tables.has(t));
            // A file with no tables at all is a journal whose creation was cut short before its first commit.
            if (missing.length > 0 && tables.size > 0)
                throw new Error(`a SQLite database, but not an agent journal: no ${missing.join(' or ')} table`);
        }
        db.pragma('journal_mode = WAL');
        db.pragma(options.durable === false ? 'synchronous = OFF' : 'synchronous = FULL');
        db.transaction(() => {
            db.exec(SCHEMA);
            db.prepare(`INSERT OR IGNORE INTO meta (key, value) VALUES ('format', ?)`).run(String(JOURNAL_FORMAT));
        }).immediate();
        const format = db.prepare(`SELECT value FROM meta WHERE key = 'format'`).pluck().get();
        if (format !== String(JOURNAL_FORMAT))
            throw new Error(`journal format ${String(format)}, this agent reads format ${JOURNAL_FORMAT}`);
    }
    catch (e) {
        if (e instanceof AgentJournalCorruptError)
            throw e;
        throw new AgentJournalCorruptError(path, e.message);
    }
    const getDoc = db.prepare(`SELECT doc FROM state WHERE id = 1`).pluck();
    const putDoc = db.prepare(`INSERT INTO state (id, doc) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc`);
    const addLine = db.prepare(`INSERT INTO timeline (at, intent, version, state, lease, reason) VALUES (?, ?, ?, ?, ?, ?)`);
    const lines = db.prepare(`SELECT at, intent, version, state, lease, reason FROM timeline ORDER BY seq`);
    return {
        path,
        read() {
            const raw = getDoc.get();
            if (raw === undefined)
                return emptyJournal();
            try {
                return { ...emptyJournal(), ...JSON.parse(raw) };
            }
            catch (e) {
                throw new AgentJournalCorruptError(path, `its state does not parse: ${e.message}`);
            }
        },
        save(state, timeline = []) {
            db.transaction(() => {
                putDoc.run(JSON.stringify(state));
                for (const t of timeline)
                    addLine.run(t.at, t.intent, t.version, t.state, t.lease, t.reason);
            }).immediate();
        },
        timeline: () => lines.all(),
        close: () => db.close(),
    };
}
//# sourceMappingURL=openAgentJournal.js.map