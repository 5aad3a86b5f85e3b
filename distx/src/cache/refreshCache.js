/**
 * Brings the cache up to date with the files: rebuilds it when it is missing or
 * unusable; otherwise re-reads only what changed (size, mtime, then content
 * hash) and re-checks only the references a change can affect. With `paths`,
 * looks at just those files (the watcher and the pre-commit hook). I/O.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { recordKindOfPath } from '../records/kinds.js';
import { walkFleet } from '../repo/walkFleet.js';
import { cachePath, isCorruption, openCacheFile, removeAbandonedBuilds, STATE_DIR } from './cacheFile.js';
import { createCacheWriter } from './cacheWriter.js';
import { crossCheck } from './crossCheck.js';
import { findingRow } from './fileRows.js';
import { parseFiles } from './parseFiles.js';
import { fileReader, rebuildCache } from './rebuildCache.js';
export async function refreshCache(root, options = {}) {
    const path = cachePath(root);
    let db = openCacheFile(path);
    if (db) {
        removeAbandonedBuilds(join(root, STATE_DIR));
        try {
            return { db, rebuilt: false, ...(await applyChanges(root, db, options)) };
        }
        catch (e) {
            db.close();
            if (!isCorruption(e))
                throw e;
        }
    }
    await rebuildCache(root, options);
    db = openCacheFile(path);
    if (!db)
        throw new Error(`the cache at ${path} could not be opened right after it was built`);
    return { db, rebuilt: true, changed: [], removed: [] };
}
async function applyChanges(root, db, options) {
    const knownStmt = db.prepare('SELECT size, mtime_ms, hash FROM files WHERE path = ?');
    let current;
    let removed;
    let walkFindings = null;
    let all = null;
    if (options.paths) {
        current = [];
        removed = [];
        for (const p of new Set(options.paths)) {
            // As the walk would: a README.md or a hidden file is no record.
            const k = recordKindOfPath(p);
            if (!k)
                continue;
            try {
                const st = statSync(join(root, p));
                if (st.isFile())
                    current.push({ path: p, kind: k.kind, size: st.size, mtimeMs: st.mtimeMs });
            }
            catch {
                if (knownStmt.get(p))
                    removed.push(p);
            }
        }
    }
    else {
        const walk = walkFleet(root);
        current = walk.files;
        walkFindings = walk.findings;
        all = new Map();
        for (const r of db.prepare('SELECT path, size, mtime_ms FROM files').raw().all())
            all.set(r[0], r);
        // Walked paths are unique: when every known path was walked, nothing was removed.
        let stillThere = 0;
        for (const f of current)
            if (all.has(f.path))
                stillThere++;
        if (stillThere === all.size)
            removed = [];
        else {
            const walked = new Set(current.map((f) => f.path));
            removed = [...all.keys()].filter((p) => !walked.has(p));
        }
    }
    const known = (path) => knownStmt.get(path);
    const suspects = current.filter((f) => {
        if (!all) {
            const k = known(f.path);
            return !k || k.size !== f.size || k.mtime_ms !== f.mtimeMs;
        }
        const k = all.get(f.path);
        return !k || k[1] !== f.size || k[2] !== f.mtimeMs;
    });
    const shadowed = db.prepare(`SELECT path, kind, size, mtime_ms FROM files WHERE state = 'shadowed'`).all();
    const suspectPaths = new Set(suspects.map((f) => f.path));
    for (const s of shadowed) {
        if (!suspectPaths.has(s.path) && !removed.includes(s.path))
            suspects.push({ path: s.path, kind: s.kind, size: s.size, mtimeMs: s.mtime_ms });
    }
    const rows = [];
    if (suspects.length > 0)
        await parseFiles(root, suspects, (batch) => rows.push(...batch), options.workers);
    const shadowedPaths = new Set(shadowed.map((s) => s.path));
    const touchMtime = db.prepare('UPDATE files SET mtime_ms = ?, size = ? WHERE path = ?');
    const changedRows = rows.filter((r) => {
        const k = known(r.path);
        if (k && k.hash === r.hash && r.hash !== '' && !shadowedPaths.has(r.path)) {
            touchMtime.run(r.mtimeMs, r.size, r.path);
            return false;
        }
        return true;
    });
    const walkChanged = walkFindings !== null && !sameWalkFindings(db, walkFindings);
    if (changedRows.length === 0 && removed.length === 0 && !walkChanged)
        return { changed: [], removed: [] };
    const writer = createCacheWriter(db);
    const files = new Set();
    const scope = { files, keys: new Set(), dependencies: false, checks: false };
    const hasDeps = db.prepare(`SELECT 1 FROM edges WHERE file = ? AND rel IN ('depends_on', 'depends') LIMIT 1`).pluck();
    const keysIn = db.prepare('SELECT kind, id FROM records WHERE file = ?');
    const note = (path, keys) => {
        files.add(path);
        for (const k of keys)
            scope.keys.add(k);
        scope.dependencies ||= hasDeps.get(path) !== undefined;
        scope.checks ||= path.startsWith('policies/');
    };
    db.transaction(() => {
        if (walkChanged) {
            db.prepare(`DELETE FROM findings WHERE origin = 'walk'`).run();
            const ins = db.prepare('INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
            for (const f of walkFindings)
                ins.run(findingRow(f, 'walk'));
        }
        for (const p of removed) {
            note(p, keysIn.all(p).map((k) => `${k.kind}:${k.id}`));
            writer.remove(p);
        }
        for (const r of changedRows) {
            note(r.path, keysIn.all(r.path).map((k) => `${k.kind}:${k.id}`));
            writer.write(r);
            note(r.path, keysIn.all(r.path).map((k) => `${k.kind}:${k.id}`));
        }
        crossCheck(db, scope, fileReader(root));
    })();
    return { changed: changedRows.map((r) => r.path), removed };
}
function sameWalkFindings(db, findings) {
    const key = (f) => `${f.file}\0${f.code}\0${f.message}`;
    const stored = db.prepare(`SELECT file, code, message FROM findings WHERE origin = 'walk'`).all().map(key).sort();
    const fresh = findings.map(key).sort();
    return stored.length === fresh.length && stored.every((k, i) => k === fresh[i]);
}
//# sourceMappingURL=refreshCache.js.map