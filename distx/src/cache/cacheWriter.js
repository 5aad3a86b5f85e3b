import { hintFor } from '../records/hints.js';
import { findingRow } from './fileRows.js';
const INSERT_COLUMNS = { records: 8, edges: 10, findings: 11 };
/** Every table whose rows carry the path of the file they came from. */
const FILE_TABLES = ['records', 'edges'];
/** `fresh`: the database starts empty and each path is written once (a cold build), so nothing needs removing first. */
export function createCacheWriter(db, options = {}) {
    const insert = new Map();
    for (const [table, n] of Object.entries(INSERT_COLUMNS)) {
        const verb = table === 'records' ? 'INSERT OR IGNORE' : 'INSERT';
        insert.set(table, db.prepare(`${verb} INTO ${table} VALUES (${new Array(n).fill('?').join(', ')})`));
    }
    const run = (table, values) => insert.get(table).run(values);
    const delByFile = FILE_TABLES.map((t) => db.prepare(`DELETE FROM ${t} WHERE file = ?`));
    const delFindings = db.prepare(`DELETE FROM findings WHERE file = ? AND origin = 'file'`);
    const delFile = db.prepare('DELETE FROM files WHERE path = ?');
    const keysOf = db.prepare('SELECT kind, id FROM records WHERE file = ?');
    const ownerOf = db.prepare('SELECT file, line, col FROM records WHERE kind = ? AND id = ?');
    const upsertFile = db.prepare('INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?)');
    const setState = db.prepare('UPDATE files SET state = ? WHERE path = ?');
    const delCheckRecord = db.prepare(`DELETE FROM records WHERE kind = 'check' AND id = ? AND file = ?`);
    /** Deletes every record, edge and finding a file contributed, keeping its files row. */
    const clear = (path) => {
        const keys = keysOf.all(path);
        for (const d of delByFile)
            d.run(path);
        delFindings.run(path);
        return keys.map((k) => `${k.kind}:${k.id}`);
    };
    const duplicate = (loser, kind, id, at, winner) => {
        const where = winner === loser ? 'earlier in this file' : `in ${winner}`;
        run('findings', findingRow({ file: loser, line: at.line, col: at.col, severity: 'error', code: 'duplicate-id', message: `${kind} id '${id}' is already defined ${where}; this one is ignored`, hint: hintFor('duplicate-id'), kind, id }, 'file'));
        if (winner !== loser)
            setState.run('shadowed', loser);
    };
    /** Inserts a record row; on a clash, the path that sorts first keeps the id. */
    const claim = (r, path, whole) => {
        if (run('records', r.record).changes === 1)
            return true;
        const owner = ownerOf.get(r.kind, r.id);
        const [, , , line, col] = r.record;
        if (owner === undefined)
            return false;
        if (path < owner.file) {
            if (whole)
                clear(owner.file);
            else
                delCheckRecord.run(r.id, owner.file);
            duplicate(owner.file, r.kind, r.id, owner, path);
            run('records', r.record);
            return true;
        }
        duplicate(path, r.kind, r.id, { line, col }, owner.file);
        return false;
    };
    const writer = {
        remove(path) {
            const keys = clear(path);
            delFile.run(path);
            return keys;
        },
        write(rows) {
            if (!options.fresh)
                writer.remove(rows.path);
            const state = rows.main ? 'ok' : 'invalid';
            upsertFile.run(rows.path, rows.kind, rows.size, rows.mtimeMs, rows.hash, rows.id, state);
            for (const f of rows.findings)
                run('findings', f);
            if (!rows.main || !claim(rows.main, rows.path, true))
                return;
            for (const sub of rows.subs)
                claim(sub, rows.path, false);
            for (const e of rows.edges)
                run('edges', e);
        },
        evict(loser, clash, winner) {
            if (clash.whole)
                clear(loser);
            duplicate(loser, clash.kind, clash.id, clash, winner);
        },
    };
    return writer;
}
//# sourceMappingURL=cacheWriter.js.map