export function findWorkplanFile(db, id) {
    const file = db.prepare('SELECT file FROM workplans WHERE id = ?').pluck().get(id);
    if (file !== undefined)
        return { ok: true, file };
    const broken = db.prepare(`SELECT path FROM files WHERE kind = 'workplan' AND record_id = ? AND state = 'invalid' ORDER BY path`).pluck().get(id);
    if (broken !== undefined) {
        const first = db.prepare(`SELECT line, col, code, message FROM findings WHERE file = ? AND severity = 'error' ORDER BY line, col LIMIT 1`).get(broken);
        const why = first ? `: ${broken}:${first.line}:${first.col}: ${first.message}` : '';
        return { ok: false, code: 'invalid-workplan', file: broken, message: `workplan ${id} has an error and cannot be edited until it is fixed${why} (run 'fleethub validate ${broken}')` };
    }
    // workplans/ that is a symlink (or unreadable) is never walked, so nothing behind it is in the cache and
    // nothing behind it can be written: say why rather than 'no workplan'.
    const refused = db.prepare(`SELECT message FROM findings WHERE origin = 'walk' AND file = 'workplans' LIMIT 1`).pluck().get();
    if (refused !== undefined) {
        return { ok: false, code: 'unknown-workplan', file: 'workplans', message: `no workplan ${id} can be edited: workplans/ ${refused} (run 'fleethub validate')` };
    }
    const known = db.prepare('SELECT id FROM workplans ORDER BY id').pluck().all();
    const list = known.length === 0 ? 'there are no workplans' : known.length <= 12 ? `known workplans: ${known.join(', ')}` : `${known.length} workplans are known; 'fleethub query "SELECT id FROM workplans"' lists them`;
    return { ok: false, code: 'unknown-workplan', message: `no workplan ${id} (${list})` };
}
//# sourceMappingURL=findWorkplanFile.js.map