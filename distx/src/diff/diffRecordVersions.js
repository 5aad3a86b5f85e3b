/**
 * The semantic difference of the fleet's records, from the versions of the
 * files whose blobs differ between two revisions. Pure.
 *
 * - A file at the same path on both sides is the same record: `changed` when
 *   a field differs (a change only in Markdown prose outside task lines is no
 *   change of the fleet).
 * - A record removed at one path and added at another is `renamed`, not a
 *   delete plus an add, when it keeps its kind and id (moved to another
 *   folder), or keeps its blob, or at least half of its fields (leaves, by
 *   JSON pointer) are equal; the most similar pairs are matched first.
 * - Otherwise it is `added` or `removed`, with each of its fields.
 * - A version that cannot be read (a hard error) is compared as no value: the
 *   record is reported with its `problems`, never left out.
 */
import { KIND_DIRS } from '../records/kinds.js';
import { canonical, diffValues } from './diffValues.js';
export const RENAME_SIMILARITY = 0.5;
export function diffRecordVersions(pairs) {
    const out = [];
    const removed = [];
    const added = [];
    for (const { before, after } of pairs) {
        if (before && after) {
            const c = compare(before, after, 'changed');
            if (c.fields.length > 0 || c.problems)
                out.push(c);
        }
        else if (before)
            removed.push(before);
        else if (after)
            added.push(after);
    }
    const candidates = [];
    for (const a of removed) {
        for (const b of added) {
            if (a.kind !== b.kind)
                continue;
            const score = a.id === b.id || a.blob === b.blob ? 2 : similarity(a.value, b.value);
            if (score >= RENAME_SIMILARITY)
                candidates.push({ a, b, score });
        }
    }
    candidates.sort((x, y) => y.score - x.score || (x.a.path < y.a.path ? -1 : 1));
    const taken = new Set();
    for (const { a, b } of candidates) {
        if (taken.has(a) || taken.has(b))
            continue;
        taken.add(a).add(b);
        out.push(compare(a, b, 'renamed'));
    }
    for (const a of removed)
        if (!taken.has(a))
            out.push(compare(a, null, 'removed'));
    for (const b of added)
        if (!taken.has(b))
            out.push(compare(null, b, 'added'));
    const order = (kind) => KIND_DIRS.findIndex((k) => k.kind === kind);
    return out.sort((x, y) => order(x.kind) - order(y.kind) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0) || ((x.to ?? x.from) < (y.to ?? y.from) ? -1 : 1));
}
function compare(a, b, change) {
    const r = (b ?? a);
    const problems = [...(a?.problems.map((p) => `from: ${p}`) ?? []), ...(b?.problems.map((p) => `to: ${p}`) ?? [])];
    return {
        kind: r.kind,
        id: r.id,
        change,
        ...(a ? { from: a.path } : {}),
        ...(b ? { to: b.path } : {}),
        ...(a && b && a.id !== b.id ? { fromId: a.id } : {}),
        // An unreadable side has no fields to compare: only the readable side's fields would mislead.
        fields: (a && a.value === null) || (b && b.value === null) ? [] : diffValues(a?.value ?? {}, b?.value ?? {}),
        ...(problems.length > 0 ? { problems } : {}),
    };
}
/** The share of leaves (JSON pointer → value; `id` left out) equal on both sides. */
function similarity(a, b) {
    if (!a || !b)
        return 0;
    const [la, lb] = [leaves(a), leaves(b)];
    const keys = new Set([...la.keys(), ...lb.keys()]);
    if (keys.size === 0)
        return 0;
    let same = 0;
    for (const k of keys)
        if (la.has(k) && la.get(k) === lb.get(k))
            same++;
    return same / keys.size;
}
function leaves(v) {
    const out = new Map();
    const walk = (x, path) => {
        if (x !== null && typeof x === 'object' && !(x instanceof Date) && Object.keys(x).length > 0) {
            for (const [k, y] of Object.entries(x))
                walk(y, `${path}/${k}`);
        }
        else
            out.set(path, canonical(x));
    };
    for (const [k, x] of Object.entries(v))
        if (k !== 'id')
            walk(x, `/${k}`);
    return out;
}
//# sourceMappingURL=diffRecordVersions.js.map