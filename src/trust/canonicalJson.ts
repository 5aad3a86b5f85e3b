/**
 * RFC 8785 canonical JSON of a parsed YAML value, the same bytes whichever
 * parser read the file: only plain objects, arrays, strings, finite numbers,
 * booleans and null are accepted (a Date, which a YAML 1.1 parser makes of an
 * unquoted date, becomes its ISO date text; anything else is refused). Pure.
 */
import { pointerSegment } from '../records/pointerSegment.js';
import canonicalize from 'canonicalize';
import { NotCanonicalError } from '../errors.js';

export function canonicalJson(value: unknown): string {
  return canonicalize(normalize(value, '')) as string;
}

function normalize(v: unknown, pointer: string): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new NotCanonicalError(pointer, `${v} is not a finite number`);
    return v;
  }
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) throw new NotCanonicalError(pointer, 'an impossible date');
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (Array.isArray(v)) return v.map((x, i) => normalize(x, `${pointer}/${i}`));
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype || (typeof v === 'object' && Object.getPrototypeOf(v) === null)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = normalize(x, `${pointer}/${pointerSegment(k)}`);
    return out;
  }
  throw new NotCanonicalError(pointer, `a ${typeof v} cannot be signed`);
}
