/**
 * Where a schema marks references to other records (`x-ref: <kind>`): a list
 * of property paths, '*' standing for every item of an array. Pure.
 */
import { pointerSegment } from './pointerSegment.js';

export interface RefPath {
  path: string[];
  kind: string;
}

type Schema = Record<string, unknown>;

export function refPaths(schemas: Record<string, object>, name: string): RefPath[] {
  const out: RefPath[] = [];
  const resolve = (ref: string, base: string): [Schema, string] => {
    const [file, pointer = ''] = ref.split('#');
    const doc = file ? file.replace(/\.schema\.json$/, '') : base;
    let node: unknown = schemas[doc];
    for (const seg of pointer.split('/').filter(Boolean)) node = (node as Schema)[seg];
    return [node as Schema, doc];
  };
  const walk = (s: Schema, doc: string, path: string[], depth: number): void => {
    if (depth > 20) return;
    if (typeof s['x-ref'] === 'string') out.push({ path, kind: s['x-ref'] });
    if (typeof s.$ref === 'string') {
      const [target, targetDoc] = resolve(s.$ref, doc);
      walk(target, targetDoc, path, depth + 1);
    }
    for (const [key, sub] of Object.entries((s.properties ?? {}) as Record<string, Schema>)) walk(sub, doc, [...path, key], depth + 1);
    if (s.items && typeof s.items === 'object') walk(s.items as Schema, doc, [...path, '*'], depth + 1);
  };
  walk(schemas[name] as Schema, name, [], 0);
  return out;
}

/** The references a valid record makes, with JSON pointers, in schema order. */
export function collectRefs(data: unknown, paths: RefPath[]): Array<{ kind: string; id: string; pointer: string }> {
  const out: Array<{ kind: string; id: string; pointer: string }> = [];
  for (const p of paths) {
    const visit = (v: unknown, i: number, pointer: string): void => {
      if (i === p.path.length) {
        if (typeof v === 'string') out.push({ kind: p.kind, id: v, pointer });
        return;
      }
      const seg = p.path[i]!;
      if (seg === '*') {
        if (Array.isArray(v)) v.forEach((item, n) => visit(item, i + 1, `${pointer}/${n}`));
      } else if (v !== null && typeof v === 'object' && !Array.isArray(v) && seg in v) {
        visit((v as Record<string, unknown>)[seg], i + 1, `${pointer}/${pointerSegment(seg)}`);
      }
    };
    visit(data, 0, '');
  }
  return out;
}

/** A schema name as a JavaScript export name (promotion-gate → promotion_gate). */
export function exportName(name: string): string {
  return name.replace(/-/g, '_');
}
