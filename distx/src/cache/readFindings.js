import { compareFindings } from '../records/finding.js';
import { idFromPath, kindOfPath } from '../records/kinds.js';
export function readFindings(db, filter = {}) {
    let rows;
    if (filter.paths) {
        const byFile = db.prepare('SELECT * FROM findings WHERE file = ?');
        const byTarget = db.prepare('SELECT * FROM findings WHERE related = ?');
        const keysIn = db.prepare('SELECT kind, id FROM records WHERE file = ?');
        const fileRow = db.prepare('SELECT kind, record_id FROM files WHERE path = ?');
        const seen = new Set();
        rows = [];
        const take = (list) => {
            for (const r of list) {
                const k = JSON.stringify(r);
                if (!seen.has(k)) {
                    seen.add(k);
                    rows.push(r);
                }
            }
        };
        for (const p of filter.paths) {
            take(byFile.all(p));
            const keys = keysIn.all(p);
            const declared = fileRow.get(p);
            if (declared)
                keys.push({ kind: declared.kind, id: declared.record_id });
            else
                keys.push(...declaredByPath(p));
            for (const k of keys)
                take(byTarget.all(`${k.kind}:${k.id}`));
        }
    }
    else {
        rows = db.prepare('SELECT * FROM findings').all();
    }
    return rows.map(toFinding).sort(compareFindings);
}
/** A deleted file no longer has rows; its path still says which record it held. */
function declaredByPath(path) {
    const k = kindOfPath(path);
    return k ? [{ kind: k.kind, id: idFromPath(path) }] : [];
}
function toFinding(r) {
    const f = { file: r.file, line: r.line, col: r.col, severity: r.severity, code: r.code, message: r.message };
    if (r.hint)
        f.hint = r.hint;
    if (r.kind)
        f.kind = r.kind;
    if (r.record_id)
        f.id = r.record_id;
    return f;
}
//# sourceMappingURL=readFindings.js.map