/** One side of a changed field as diff and history show it: JSON, shortened past 120 characters; `(none)` where the field does not exist. Pure. */
import type { FieldChange } from '../diff/diffValues.js';

const MAX_VALUE = 120;

export function showFieldValue(f: FieldChange, side: 'old' | 'new'): string {
  if (!(side in f)) return '(none)';
  const s = JSON.stringify(f[side]) ?? String(f[side]);
  return s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE - 1)}…` : s;
}
