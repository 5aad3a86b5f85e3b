/** How many of each value (null counted as '(none)'), by value in code-point order: the summary counts of the fleet section. */
export function countBy(values: Iterable<string | null>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v ?? '(none)'] = (out[v ?? '(none)'] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}
