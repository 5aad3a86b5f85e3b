/** The nodes as an intent's or a role's scope sees them (id, role, area, site, NAT group, labels), in id order: from the node records the load step read (readParsedRecords), or the cache's. */
import type Database from 'better-sqlite3';
import { readParsedRecords, type ParsedRecord } from '../cache/readParsedRecords.js';
import type { ScopeNode } from './trustTypes.js';

export function readScopeNodes(db: Database.Database, records: readonly ParsedRecord[] = readParsedRecords(db, 'node')): ScopeNode[] {
  return records.map((r) => {
    const d = r.data;
    const out: ScopeNode = { id: r.id };
    for (const key of ['role', 'area', 'site', 'nat_group'] as const) {
      const v = d[key];
      if (typeof v === 'string' && v !== '') out[key] = v;
    }
    out.labels = (d.labels ?? {}) as Record<string, unknown>;
    return out;
  });
}
