/** The nodes as an intent's or a role's scope sees them (id, role, area, site, NAT group, labels), from the cache, in id order. */
import type Database from 'better-sqlite3';
import type { ScopeNode } from './trustTypes.js';

export function readScopeNodes(db: Database.Database): ScopeNode[] {
  return (db.prepare('SELECT id, role, area, site, nat_group, labels FROM nodes ORDER BY id').all() as Array<Record<string, string | null>>).map((n) => ({
    id: n.id!,
    ...(n.role ? { role: n.role } : {}),
    ...(n.area ? { area: n.area } : {}),
    ...(n.site ? { site: n.site } : {}),
    ...(n.nat_group ? { nat_group: n.nat_group } : {}),
    labels: JSON.parse(n.labels ?? '{}') as Record<string, unknown>,
  }));
}
