/** The fleet summary `fleethub status` prints, read from the cache. Deterministic: no timings, stable order. */
import type Database from 'better-sqlite3';
import { readFindings } from './readFindings.js';

export interface FleetSummary {
  counts: Record<string, number>;
  nodes: {
    byRole: Record<string, number>;
    /** Declared modes until probes run: DISABLED (enabled: false), PLANNED, or UNOBSERVED. */
    byMode: Record<string, number>;
    list: Array<{ id: string; role: string; target_role: string | null; area: string | null; mode: string }>;
  };
  workloads: { byStage: Record<string, number>; moving: number; withoutTarget: number; withoutOwner: number };
  tasks: Record<string, number>;
  findings: { errors: number; warnings: number; byCode: Record<string, number> };
}

export function readSummary(db: Database.Database): FleetSummary {
  const countBy = (sql: string): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const r of db.prepare(sql).all() as Array<{ k: string | null; n: number }>) out[r.k ?? '(none)'] = r.n;
    return out;
  };
  const nodes = db
    .prepare(`SELECT id, role, target_role, area, CASE WHEN enabled = 0 THEN 'DISABLED' WHEN planned = 1 THEN 'PLANNED' ELSE 'UNOBSERVED' END AS mode FROM nodes ORDER BY id`)
    .all() as FleetSummary['nodes']['list'];
  const byMode: Record<string, number> = {};
  for (const n of nodes) byMode[n.mode] = (byMode[n.mode] ?? 0) + 1;
  const one = (sql: string): number => db.prepare(sql).pluck().get() as number;
  const findings = readFindings(db);
  const byCode: Record<string, number> = {};
  for (const f of findings) byCode[f.code] = (byCode[f.code] ?? 0) + 1;
  return {
    counts: countBy(`SELECT kind AS k, count(*) AS n FROM records GROUP BY kind ORDER BY kind`),
    nodes: { byRole: countBy(`SELECT role AS k, count(*) AS n FROM nodes GROUP BY role ORDER BY role`), byMode: sortKeys(byMode), list: nodes },
    workloads: {
      byStage: countBy(`SELECT stage AS k, count(*) AS n FROM workloads GROUP BY stage ORDER BY stage`),
      moving: one(`SELECT count(*) FROM workloads WHERE target_host IS NOT NULL AND host IS NOT NULL AND target_host != host`),
      withoutTarget: one(`SELECT count(*) FROM workloads WHERE target_host IS NULL AND coalesce(target_stage, '') != 'retired'`),
      withoutOwner: one(`SELECT count(*) FROM workloads WHERE owner IS NULL`),
    },
    tasks: countBy(`SELECT state AS k, count(*) AS n FROM tasks GROUP BY state ORDER BY state`),
    findings: { errors: findings.filter((f) => f.severity === 'error').length, warnings: findings.filter((f) => f.severity === 'warning').length, byCode: sortKeys(byCode) },
  };
}

function sortKeys(o: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
}
