/** Default bound of the changes kept for replay, in bytes of their JSON. */
export const KEEP_BYTES = 16 * 1024 * 1024;
/**
 * `first`: the first revision. The hub passes the start time in milliseconds,
 * so revisions keep growing across restarts and a browser's Last-Event-ID from
 * an earlier run is too old (a reset), never replayed against the wrong base.
 * `keepBytes`: the changes kept for replay (Last-Event-ID) are the latest
 * whose JSON adds up to at most this many bytes (the latest one always).
 */
export function hubState(first, keepBytes = KEEP_BYTES) {
    let current = null;
    let kept = new Map();
    const history = [];
    let historyBytes = 0;
    const listeners = new Set();
    /** The latest change's text only: the history keeps the changes, not their text. */
    let latest = null;
    return {
        snapshot: () => current,
        publish(evaluation) {
            const next = new Map();
            const whole = [];
            const patched = [];
            for (const [name, value] of Object.entries(evaluation.sections)) {
                const before = kept.get(name);
                // A section handed on as the very object published before (a save's first phase) is not walked again.
                if (before && current.sections[name] === value) {
                    next.set(name, before);
                    continue;
                }
                const ids = idsOf(value);
                if (ids === null) {
                    const text = JSON.stringify(value);
                    next.set(name, { text });
                    if (!before || !('text' in before) || before.text !== text)
                        whole.push([name, text]);
                    continue;
                }
                const list = value;
                const items = new Map();
                const texts = new Map();
                const previous = before && 'ids' in before ? before : null;
                const changed = [];
                list.forEach((item, i) => {
                    const id = ids[i];
                    const text = previous && previous.items.get(id) === item ? previous.texts.get(id) : JSON.stringify(item);
                    items.set(id, item);
                    texts.set(id, text);
                    if (previous && previous.texts.get(id) !== text)
                        changed.push(i);
                });
                next.set(name, { ids, items, texts });
                if (!previous) {
                    whole.push([name, `[${ids.map((id) => texts.get(id)).join(',')}]`]);
                    continue;
                }
                const moved = ids.length !== previous.ids.length || ids.some((id, i) => previous.ids[i] !== id);
                if (changed.length === 0 && !moved)
                    continue;
                const patch = { changed: changed.map((i) => list[i]), ...(moved ? { order: ids } : {}) };
                patched.push([name, patch, `{"changed":[${changed.map((i) => texts.get(ids[i])).join(',')}]${moved ? `,"order":${JSON.stringify(ids)}` : ''}}`]);
            }
            for (const name of kept.keys())
                if (!next.has(name))
                    whole.push([name, 'null']);
            if (current && whole.length === 0 && patched.length === 0)
                return null;
            const revision = current ? current.revision + 1 : first;
            current = { revision, generatedAt: evaluation.generatedAt, sections: evaluation.sections };
            kept = next;
            const sections = {};
            for (const [name] of whole)
                sections[name] = name in evaluation.sections ? evaluation.sections[name] : null;
            const change = { revision, sections, ...(patched.length > 0 ? { items: Object.fromEntries(patched.map(([n, p]) => [n, p])) } : {}) };
            // The same bytes JSON.stringify(change) gives: the keys in the same order, each value's text as compared.
            const keyed = (pairs) => `{${pairs.map(([k, t]) => `${JSON.stringify(k)}:${t}`).join(',')}}`;
            const text = `{"revision":${revision},"sections":${keyed(whole)}${patched.length > 0 ? `,"items":${keyed(patched.map(([n, , t]) => [n, t]))}` : ''}}`;
            latest = { change, text };
            history.push({ change, bytes: text.length });
            historyBytes += text.length;
            while (history.length > 1 && historyBytes > keepBytes)
                historyBytes -= history.shift().bytes;
            for (const l of listeners)
                l(change);
            return change;
        },
        since(revision) {
            if (!current || !Number.isInteger(revision) || revision < 0 || revision > current.revision)
                return null;
            if (revision === current.revision)
                return [];
            if (revision < history[0].change.revision - 1)
                return null;
            return history.filter((h) => h.change.revision > revision).map((h) => h.change);
        },
        textOf(change) {
            return latest?.change === change ? latest.text : JSON.stringify(change);
        },
        subscribe(listener) {
            listeners.add(listener);
            return () => listeners.delete(listener);
        },
    };
}
/** The ids of a list whose every item is an object with a string `id`, all distinct (and at least one); null for anything else. */
function idsOf(value) {
    if (!Array.isArray(value) || value.length === 0)
        return null;
    const ids = [];
    const seen = new Set();
    for (const item of value) {
        const id = item !== null && typeof item === 'object' && !Array.isArray(item) ? item.id : undefined;
        if (typeof id !== 'string' || seen.has(id))
            return null;
        seen.add(id);
        ids.push(id);
    }
    return ids;
}
//# sourceMappingURL=hubState.js.map