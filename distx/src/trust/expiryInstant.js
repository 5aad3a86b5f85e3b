/**
 * When an `expires` value runs out: a date (2027-03-31) lasts to the end of
 * that day in UTC; a date-time is the instant it names (UTC when it has no
 * offset). Null when the text is not a real date. Pure.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;
export function expiryInstant(text) {
    const m = DATE.exec(text);
    if (!m)
        return null;
    const [, y, mo, d, h, mi, s, frac, zone] = m;
    const day = Date.UTC(Number(y), Number(mo) - 1, Number(d));
    const check = new Date(day);
    if (check.getUTCFullYear() !== Number(y) || check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d))
        return null;
    if (h === undefined)
        return day + 86_400_000;
    const offset = !zone || zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
    return day + Number(h) * 3_600_000 + Number(mi) * 60_000 + Number(s ?? 0) * 1000 + Math.round(Number(frac ?? 0) * 1000) - offset;
}
//# sourceMappingURL=expiryInstant.js.map