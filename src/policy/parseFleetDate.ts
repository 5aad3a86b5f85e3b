/**
 * A record's date (`2026-07-03`, `2026-07-03T10:00:00Z`, `2026-07-03 10:00`) as epoch
 * milliseconds, or null. Dates and date-times without a zone are read as UTC, so the
 * result never depends on the machine's time zone. Pure.
 */
const DATE = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:\d{2})?)?$/;

export function parseFleetDate(text: string | undefined): number | null {
  if (typeof text !== 'string') return null;
  const m = DATE.exec(text.trim());
  if (!m) return null;
  const iso = m[2] === undefined ? `${m[1]}T00:00:00Z` : `${m[1]}T${m[2]}${m[3] ?? 'Z'}`;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}
