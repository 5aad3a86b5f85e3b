/**
 * The changed fields between two values, as JSON-pointer paths with the old
 * and the new value. Pure.
 *
 * - Mappings are compared key by key; a key on one side only is a field added
 *   (no `old`) or removed (no `new`).
 * - List items are matched by identity, not by position: by the first of
 *   `id`, `node`, `host`, `name`, `wave` that every item carries (a string or
 *   number, unique on each side), or, for a list of scalars, by the scalar
 *   itself. Such an item is addressed by its identity (`/listeners/web/port`,
 *   `/depends_on/temporal`), and reordering the list is no change. In a list
 *   of mappings with no common identity, an item equal to one on the other
 *   side is that item wherever it moved (reordering is no change there
 *   either); the others are paired in order, addressed by their index in the
 *   later list (the earlier one's for an item removed).
 */
import { pointerSegment } from '../records/pointerSegment.js';
export interface FieldChange {
  /** JSON pointer (RFC 6901 escaping); list items keyed by identity are addressed by it. */
  path: string;
  /** Absent when the field did not exist before. */
  old?: unknown;
  /** Absent when the field does not exist after. */
  new?: unknown;
}

export const IDENTITY_KEYS = ['id', 'node', 'host', 'name', 'wave'] as const;

export function diffValues(before: unknown, after: unknown, path = ''): FieldChange[] {
  const out: FieldChange[] = [];
  walk(before, after, path, out);
  return out;
}

function walk(a: unknown, b: unknown, path: string, out: FieldChange[]): void {
  if (isMapping(a) && isMapping(b)) {
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) walk(a[key], b[key], `${path}/${pointerSegment(key)}`, out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    walkLists(a, b, path, out);
    return;
  }
  if (a === undefined && b === undefined) return;
  if (a !== undefined && b !== undefined && sameValue(a, b)) return;
  out.push({ path, ...(a === undefined ? {} : { old: a }), ...(b === undefined ? {} : { new: b }) });
}

function walkLists(a: unknown[], b: unknown[], path: string, out: FieldChange[]): void {
  const key = identityKey(a, b);
  if (key !== null) {
    const before = new Map(a.map((item) => [String((item as Record<string, unknown>)[key]), item] as const));
    const after = new Map(b.map((item) => [String((item as Record<string, unknown>)[key]), item] as const));
    for (const id of [...new Set([...after.keys(), ...before.keys()])]) walk(before.get(id), after.get(id), `${path}/${pointerSegment(id)}`, out);
    return;
  }
  if ([...a, ...b].every(isScalar)) {
    const counts = new Map<string, { value: unknown; n: number }>();
    for (const [list, sign] of [[a, -1], [b, 1]] as const) {
      for (const v of list) {
        const k = JSON.stringify(v);
        const c = counts.get(k) ?? { value: v, n: 0 };
        c.n += sign;
        counts.set(k, c);
      }
    }
    for (const { value, n } of counts.values()) {
      for (let i = 0; i < Math.abs(n); i++) out.push({ path: `${path}/${pointerSegment(String(value))}`, ...(n < 0 ? { old: value } : { new: value }) });
    }
    return;
  }
  // No identity: an item equal to one on the other side is that one, wherever it moved; the rest pair up in order, at the later list's index.
  const unmatched = new Map<string, number[]>();
  a.forEach((item, i) => {
    const key = canonical(item);
    unmatched.set(key, [...(unmatched.get(key) ?? []), i]);
  });
  const added: number[] = [];
  b.forEach((item, j) => {
    const same = unmatched.get(canonical(item));
    if (same && same.length > 0) same.shift();
    else added.push(j);
  });
  const removed = [...unmatched.values()].flat().sort((x, y) => x - y);
  for (let k = 0; k < Math.max(removed.length, added.length); k++) {
    const i = removed[k];
    const j = added[k];
    walk(i === undefined ? undefined : a[i], j === undefined ? undefined : b[j], `${path}/${j ?? i}`, out);
  }
}

/** The identity key every item of both lists carries, unique on each side, or null. */
function identityKey(a: unknown[], b: unknown[]): string | null {
  const all = [...a, ...b];
  if (all.length === 0 || !all.every(isMapping)) return null;
  for (const key of IDENTITY_KEYS) {
    const unique = (list: unknown[]): boolean => new Set(list.map((i) => String((i as Record<string, unknown>)[key]))).size === list.length;
    if (all.every((i) => typeof (i as Record<string, unknown>)[key] === 'string' || typeof (i as Record<string, unknown>)[key] === 'number') && unique(a) && unique(b)) return key;
  }
  return null;
}

/** Whether two values are the same data (mappings regardless of key order). */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isMapping(v)) return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
  return JSON.stringify(v instanceof Date ? v.toISOString() : v) ?? 'undefined';
}

const isMapping = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);
const isScalar = (v: unknown): boolean => v === null || ['string', 'number', 'boolean'].includes(typeof v);
