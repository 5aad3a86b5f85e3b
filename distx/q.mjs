import Database from 'better-sqlite3';
const db = new Database('/tmp/fleethub-bench-diff-7DwkYQ/.fleethub/cache.sqlite', { readonly: true });
const qs = {
 nodes: 'SELECT id, title, role, target_role, area, site, nat_group, enabled, planned FROM nodes ORDER BY id',
 via: `SELECT src_id, dst_id FROM edges WHERE src_kind = 'workload' AND rel = 'via' ORDER BY src_id, ord`,
 listeners: 'SELECT workload, port, protocol, edge_role FROM listeners ORDER BY workload, port',
 workloads: 'SELECT id, title, kind, host, target_host, owner, stage, target_stage, critical, advertise FROM workloads ORDER BY id',
 wlData: 'SELECT id, file, data FROM workloads ORDER BY id',
 wlDataRaw: "SELECT id, file, data FROM records WHERE kind='workload'",
};
for (let r = 0; r < 2; r++) for (const [k, q] of Object.entries(qs)) { const t = performance.now(); const rows = db.prepare(q).all(); console.log(k, rows.length, (performance.now() - t).toFixed(0)); }
const t = performance.now(); for (const r of db.prepare(qs.wlData).all()) JSON.parse(r.data); console.log('wl+parse', (performance.now() - t).toFixed(0));
console.log(db.prepare("EXPLAIN QUERY PLAN " + qs.workloads).all());
console.log(db.prepare("EXPLAIN QUERY PLAN " + qs.via).all());
