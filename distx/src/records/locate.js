import { yamlLibrary } from './yamlLibrary.js';
/** `line` is the 1-based file line the YAML text starts on. */
export function createLocator(text, line = 1) {
    let parsed = null;
    return (pointer, atKey = false) => {
        // No fallback position: a failure here is a bug to report, never a finding silently moved to line 1 column 1.
        try {
            if (!parsed) {
                const { LineCounter, parseDocument } = yamlLibrary();
                const lines = new LineCounter();
                parsed = { doc: parseDocument(text, { lineCounter: lines, uniqueKeys: false }), lines };
            }
            const offset = findOffset(parsed.doc.contents, splitPointer(pointer), atKey);
            const pos = parsed.lines.linePos(offset ?? firstContentOffset(text));
            return { line: line + pos.line - 1, col: pos.col };
        }
        catch (e) {
            throw new Error(`cannot locate ${pointer || '/'} in the YAML starting at line ${line}: ${e.message}`, { cause: e });
        }
    };
}
export function splitPointer(pointer) {
    if (pointer === '' || pointer === '/')
        return [];
    return pointer
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
function findOffset(root, path, atKey) {
    const { isMap, isPair, isScalar, isSeq } = yamlLibrary();
    let node = root;
    let best = rangeStart(root);
    for (let i = 0; i < path.length; i++) {
        const seg = path[i];
        const last = i === path.length - 1;
        if (isMap(node)) {
            const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === seg);
            if (!pair)
                return best;
            const keyStart = rangeStart(pair.key);
            if (last && atKey)
                return keyStart ?? best;
            node = pair.value;
            best = rangeStart(node) ?? keyStart ?? best;
        }
        else if (isSeq(node)) {
            const item = node.items[Number(seg)];
            if (item === undefined)
                return best;
            node = item;
            best = rangeStart(item) ?? best;
        }
        else {
            return best;
        }
    }
    return best;
}
function rangeStart(node) {
    const r = node?.range;
    return r ? r[0] : undefined;
}
function firstContentOffset(text) {
    const m = /\S/.exec(text);
    return m ? m.index : 0;
}
//# sourceMappingURL=locate.js.map