const STATES = new Set(['todo', 'doing', 'done', 'cancelled', 'blocked']);
/**
 * With `patch`, only the workplans of `patch.files` are read again (the files
 * saved since `patch.previous` was read from this cache; a deleted one has
 * none), the rest taken from `patch.previous`: the same graph as a full read.
 * `previous` is not changed.
 */
export function workplanGraph(db, patch) {
    const files = patch ? [...patch.files] : [];
    const inFiles = (column) => (patch ? ` WHERE ${column} IN (SELECT value FROM json_each(?))` : '');
    const args = patch ? [JSON.stringify(files)] : [];
    const read = db.prepare(`SELECT id, title, status, owner, file FROM workplans${inFiles('file')} ORDER BY id`).all(...args).map((w) => ({ ...w, tasks: [] }));
    const readIds = new Set(read.map((w) => w.id));
    const kept = patch ? patch.previous.workplans.filter((w) => !patch.files.has(w.file) && !readIds.has(w.id)) : [];
    const workplans = patch ? [...kept, ...read].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) : read;
    const byId = new Map(read.map((w) => [w.id, w]));
    const fresh = new Map();
    const rows = db.prepare(`SELECT t.key, t.workplan, t.id, t.title, t.state, t.owner, t.line, r.col, t.file FROM tasks t JOIN records r ON r.kind = 'task' AND r.id = t.key${patch ? ' WHERE t.file IN (SELECT value FROM json_each(?))' : ''} ORDER BY t.workplan, t.line, t.key`).all(...args);
    for (const r of rows) {
        const wp = byId.get(r.workplan);
        if (!wp)
            continue;
        fresh.set(r.key, { ...r, state: STATES.has(r.state) ? r.state : 'todo', depends: [], doneWhen: [] });
        wp.tasks.push(r.key);
    }
    const edges = db.prepare(`SELECT src_id, rel, dst_id FROM edges WHERE src_kind = 'task' AND rel IN ('depends', 'done-when')${patch ? ' AND src_id IN (SELECT value FROM json_each(?))' : ''} ORDER BY src_id, rel, ord`).all(...(patch ? [JSON.stringify([...fresh.keys()])] : []));
    for (const e of edges) {
        const t = fresh.get(e.src_id);
        if (!t)
            continue;
        const list = e.rel === 'depends' ? t.depends : t.doneWhen;
        if (!list.includes(e.dst_id))
            list.push(e.dst_id);
    }
    if (!patch)
        return { workplans, tasks: fresh };
    // The tasks in the full read's order: by workplan, then line, then key.
    const tasks = new Map();
    for (const w of workplans)
        for (const k of w.tasks)
            tasks.set(k, fresh.get(k) ?? patch.previous.tasks.get(k));
    return { workplans, tasks };
}
//# sourceMappingURL=workplanGraph.js.map