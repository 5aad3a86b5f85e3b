/**
 * A record's date (`2026-07-03`, `2026-07-03T10:00:00Z`, `2026-07-03 10:00`) as epoch
 * milliseconds, or null. Dates and date-times without a zone are read as UTC, so the
 * result never depends on the machine's time zone. A day the calendar does not have
 * (`2026-02-31`, which Date.parse would roll into March) is null too. Pure.
 */
const DATE = /^((\d{4})-(\d{2})-(\d{2}))(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:\d{2})?)?$/;
export function parseFleetDate(text) {
    if (typeof text !== 'string')
        return null;
    const m = DATE.exec(text.trim());
    if (!m)
        return null;
    const day = new Date(Date.UTC(2000, Number(m[3]) - 1, Number(m[4])));
    day.setUTCFullYear(Number(m[2]));
    if (day.getUTCFullYear() !== Number(m[2]) || day.getUTCMonth() !== Number(m[3]) - 1 || day.getUTCDate() !== Number(m[4]))
        return null;
    const iso = m[5] === undefined ? `${m[1]}T00:00:00Z` : `${m[1]}T${m[5]}${m[6] ?? 'Z'}`;
    const ms = Date.parse(iso);
    return Number.isNaN(ms) ? null : ms;
}
//# sourceMappingURL=parseFleetDate.js.map