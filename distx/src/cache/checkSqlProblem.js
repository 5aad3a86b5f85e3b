export function checkSqlProblem(db, sql) {
    const notReadOnly = { code: 'check-not-readonly', message: 'the SQL is not a read-only query (only one SELECT is allowed)' };
    let stmt;
    try {
        stmt = db.prepare(sql);
    }
    catch (e) {
        const message = e.message;
        return /^cannot modify \S+ because it is a view$/.test(message) ? notReadOnly : { code: 'check-invalid-sql', message };
    }
    return !stmt.readonly || !stmt.reader ? notReadOnly : null;
}
//# sourceMappingURL=checkSqlProblem.js.map