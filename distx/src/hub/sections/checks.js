export function checks(input) {
    const { run } = input;
    const defined = run.db.prepare('SELECT id, title, severity FROM checks ORDER BY file, line, id').all();
    return defined.map((c) => {
        const r = run.checkResults.get(c.id);
        if (!r)
            return { ...c, status: 'not-run', ok: false, count: 0, message: 'not run', failing_rows: [] };
        return { ...c, status: r.status, ok: r.status === 'pass', count: r.count, message: r.message, failing_rows: r.status === 'fail' ? r.rows : [] };
    });
}
//# sourceMappingURL=checks.js.map