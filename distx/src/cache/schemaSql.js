export function schemaSql(db) {
    return db.prepare(`SELECT sql FROM sqlite_master WHERE type IN ('table', 'view') AND sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid`).pluck().all();
}
//# sourceMappingURL=schemaSql.js.map