import { WIDTH } from './packRows.js';
const ROWS_PER_INSERT = 32;
const TABLES = ['files', 'findings', 'records', 'edges'];
export function bulkWriter(db) {
    const statements = new Map();
    const insert = (table, rows) => {
        const key = `${table}:${rows}`;
        let s = statements.get(key);
        if (s === undefined) {
            const row = `(${new Array(WIDTH[table]).fill('?').join(', ')})`;
            statements.set(key, (s = db.prepare(`INSERT INTO ${table} VALUES ${new Array(rows).fill(row).join(', ')}`)));
        }
        return s;
    };
    return (p) => {
        for (const table of TABLES) {
            const values = p[table];
            const width = WIDTH[table];
            const n = values.length / width;
            let i = 0;
            for (; i + ROWS_PER_INSERT <= n; i += ROWS_PER_INSERT)
                insert(table, ROWS_PER_INSERT).run(values.slice(i * width, (i + ROWS_PER_INSERT) * width));
            if (i < n)
                insert(table, n - i).run(values.slice(i * width));
        }
    };
}
//# sourceMappingURL=bulkWriter.js.map