import Database from 'better-sqlite3';
const db = new Database('/tmp/fleethub-bench-diff-7DwkYQ/.fleethub/cache.sqlite', { readonly: true });
const qs = {
 wp: 'SELECT id, title, status, owner, file FROM workplans ORDER BY id',
 tasks: `SELECT t.key, t.workplan, t.id, t.title, t.state, t.owner, t.line, r.col, t.file FROM tasks t JOIN records r ON r.kind = 'task' AND r.id = t.key ORDER BY t.workplan, t.line, t.key`,
 tasksRaw: `SELECT id, parent, title, line, col, file, data->>'id', data->>'state', data->>'owner' FROM records WHERE kind='task'`,
 edges: `SELECT src_id, rel, dst_id FROM edges WHERE src_kind = 'task' AND rel IN ('depends', 'done-when') ORDER BY src_id, rel, ord`,
 taskStates: 'SELECT key, state FROM tasks',
 nodesP: 'SELECT id, file, role, area, nat_group, enabled, planned FROM nodes ORDER BY id',
};
for (let r = 0; r < 2; r++) for (const [k, q] of Object.entries(qs)) { const t = performance.now(); const rows = db.prepare(q).all(); console.log(k, rows.length, (performance.now() - t).toFixed(0)); }
console.log(db.prepare("EXPLAIN QUERY PLAN " + qs.tasks).all().map(r=>r.detail));
