/**
 * Whether a check's result may be reused for a cache of the same content
 * revision: its SQL names none of SQLite's functions whose value is not fixed
 * by the data (the clock — `date`, `time`, `datetime`, `julianday`,
 * `unixepoch`, `strftime`, `timediff`, `current_date/time/timestamp`, 'now' —
 * `random`, `randomblob`, `changes`, `total_changes`, `last_insert_rowid`),
 * nor the schema's internals (`sqlite_*`, `pragma_*`), nor the `memo` table
 * the reused results live in. Judged on the words of the text, string
 * literals included, so it errs towards running the check. Pure.
 */
const NOT_FIXED_BY_DATA = /\b(?:date|time|datetime|julianday|unixepoch|strftime|timediff|now|current_date|current_time|current_timestamp|random|randomblob|changes|total_changes|last_insert_rowid|memo|sqlite_\w*|pragma_\w*)\b/i;
export function checkReusable(sql) {
    return sql.trim() !== '' && !NOT_FIXED_BY_DATA.test(sql);
}
//# sourceMappingURL=checkReusable.js.map