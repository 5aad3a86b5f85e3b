import { readFindings } from './readFindings.js';
export function readSummary(db) {
    const countBy = (sql) => {
        const out = {};
        for (const r of db.prepare(sql).all())
            out[r.k ?? '(none)'] = r.n;
        return out;
    };
    const nodes = db
        .prepare(`SELECT n.id, n.role, n.target_role, n.area,
              CASE WHEN n.enabled = 0 THEN 'disabled' WHEN n.planned = 1 THEN 'planned' ELSE 'enabled' END AS declared,
              coalesce(s.mode, CASE WHEN n.enabled = 0 THEN 'DISABLED' WHEN n.planned = 1 THEN 'PLANNED' ELSE 'UNKNOWN' END) AS mode,
              s.since, s.reason
       FROM nodes n LEFT JOIN node_status s ON s.node = n.id ORDER BY n.id`)
        .all();
    const byMode = {};
    for (const n of nodes)
        byMode[n.mode] = (byMode[n.mode] ?? 0) + 1;
    const one = (sql) => db.prepare(sql).pluck().get();
    const findings = readFindings(db);
    const byCode = {};
    for (const f of findings)
        byCode[f.code] = (byCode[f.code] ?? 0) + 1;
    return {
        counts: countBy(`SELECT kind AS k, count(*) AS n FROM records GROUP BY kind ORDER BY kind`),
        nodes: { byRole: countBy(`SELECT role AS k, count(*) AS n FROM nodes GROUP BY role ORDER BY role`), byMode: sortKeys(byMode), list: nodes },
        workloads: {
            byStage: countBy(`SELECT stage AS k, count(*) AS n FROM workloads GROUP BY stage ORDER BY stage`),
            moving: one(`SELECT count(*) FROM workloads WHERE target_host IS NOT NULL AND host IS NOT NULL AND target_host != host`),
            withoutTarget: one(`SELECT count(*) FROM workloads WHERE target_host IS NULL AND coalesce(target_stage, '') != 'retired'`),
            withoutOwner: one(`SELECT count(*) FROM workloads WHERE owner IS NULL`),
            list: db.prepare(`SELECT w.id, w.kind, w.stage, w.host, s.mode AS host_mode FROM workloads w LEFT JOIN node_status s ON s.node = w.host ORDER BY w.id`).all().map((w) => ({ ...w, usable: w.host_mode === 'ACTIVE' })),
        },
        tasks: countBy(`SELECT state AS k, count(*) AS n FROM tasks GROUP BY state ORDER BY state`),
        findings: { errors: findings.filter((f) => f.severity === 'error').length, warnings: findings.filter((f) => f.severity === 'warning').length, byCode: sortKeys(byCode) },
    };
}
function sortKeys(o) {
    return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
}
//# sourceMappingURL=readSummary.js.map