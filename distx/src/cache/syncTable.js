export function syncTable(db, table, rows) {
    const have = new Map();
    for (const r of db.prepare(`SELECT * FROM ${table}`).raw().all())
        have.set(r[0], JSON.stringify(r));
    let put;
    db.transaction(() => {
        for (const row of rows) {
            const known = have.get(row[0]);
            have.delete(row[0]);
            if (known === JSON.stringify(row))
                continue;
            put ??= db.prepare(`INSERT OR REPLACE INTO ${table} VALUES (${row.map(() => '?').join(', ')})`);
            put.run(...row);
        }
        if (have.size > 0) {
            const columns = db.prepare(`SELECT name FROM pragma_table_info(?) WHERE pk = 1`).pluck().get(table);
            const drop = db.prepare(`DELETE FROM ${table} WHERE ${columns} = ?`);
            for (const key of have.keys())
                drop.run(key);
        }
    })();
}
//# sourceMappingURL=syncTable.js.map