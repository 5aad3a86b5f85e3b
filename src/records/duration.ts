/** '500ms', '30s', '5m', '2h', '7d' to milliseconds, or null. Pure. */
export function durationMs(s: string): number | null {
  const m = /^(\d+)(ms|s|m|h|d)$/.exec(s);
  if (!m) return null;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 'ms' | 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * unit;
}
