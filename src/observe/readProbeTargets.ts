/**
 * Every declared probe target (the cache's `probes` view), in node and
 * declaration order. Read where it is used (the observe step when it probes,
 * the hub's nodes section), not by every run: on the 30,000-file fleet the
 * view's JSON walk costs about 0.1 s that an offline evaluation does not need.
 * I/O (the cache).
 */
import type Database from 'better-sqlite3';
import type { ProbeTarget } from './observation.js';

interface ProbeRow {
  node: string;
  type: ProbeTarget['type'];
  target: string;
  expect_status: number | null;
  expect_json: string | null;
}

export function readProbeTargets(db: Database.Database): ProbeTarget[] {
  return (db.prepare('SELECT node, type, target, expect_status, expect_json FROM probes ORDER BY node, ord').all() as ProbeRow[]).map((p) => ({
    node: p.node,
    type: p.type,
    target: p.target,
    ...(p.expect_status !== null ? { expectStatus: p.expect_status } : {}),
    ...(p.expect_json !== null ? { expectJson: JSON.parse(p.expect_json) as Record<string, unknown> } : {}),
  }));
}
