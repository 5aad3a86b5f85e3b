export function cacheMemo(db) {
    const read = db.prepare('SELECT value FROM memo WHERE name = ? AND key = ?').pluck();
    const write = db.prepare('INSERT INTO memo (name, key, value) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET key = excluded.key, value = excluded.value');
    return {
        get: (name, key) => read.get(name, key) ?? null,
        set: (name, key, value) => void write.run(name, key, value),
    };
}
//# sourceMappingURL=cacheMemo.js.map