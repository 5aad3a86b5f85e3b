/**
 * Positions of JSON pointers in record files: `(file, '/host') → {line, col}`,
 * front matter offset counted. Each file is read and parsed once, on demand.
 * I/O is passed in (`readText`).
 *
 * With a memo (the cache's memo table), positions found in an earlier run are
 * reused: each is stored under a hash of the text it was found in (the file's
 * bytes as read now, not as the cache last saw them), the pointer, and this
 * code, so an edited file, another pointer or another locator misses and is
 * parsed again. `save()` stores the positions this locator gave, when they
 * differ from the stored ones (a steady fleet writes nothing).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createLocator } from './locate.js';
import { splitFrontMatter } from './splitFrontMatter.js';
let codeHash = null;
/** `memo.name`: the entry this locator's positions are kept under (one per caller, so callers do not evict each other). */
export function fileLocator(readText, memo) {
    const locators = new Map();
    codeHash ??= memo ? createHash('sha256').update(readFileSync(new URL('./locate.js', import.meta.url))).update(readFileSync(new URL(import.meta.url))).digest('hex') : null;
    const key = codeHash ?? '';
    const stored = new Map(memo ? JSON.parse(memo.store.get(memo.name, key) ?? '[]') : []);
    const used = new Map();
    const locate = (file, pointer, atKey = false) => {
        let entry = locators.get(file);
        if (!entry) {
            entry = { text: readText(file) ?? '', hash: null, loc: null };
            locators.set(file, entry);
        }
        if (!memo)
            return parsed(file, entry)(pointer, atKey);
        entry.hash ??= createHash('sha256').update(entry.text).digest('hex');
        const id = JSON.stringify([entry.hash, file.endsWith('.md'), pointer, atKey]);
        const pos = stored.get(id) ?? parsed(file, entry)(pointer, atKey);
        used.set(id, pos);
        return pos;
    };
    const save = () => {
        if (!memo)
            return;
        const same = used.size === stored.size && [...used].every(([id, p]) => stored.get(id)?.line === p.line && stored.get(id)?.col === p.col);
        if (!same)
            memo.store.set(memo.name, key, JSON.stringify([...used]));
    };
    return Object.assign(locate, { save });
}
function parsed(file, entry) {
    if (!entry.loc) {
        const split = file.endsWith('.md') ? splitFrontMatter(entry.text) : null;
        entry.loc = split && split.ok ? createLocator(split.yaml, split.yamlLine) : createLocator(entry.text, 1);
    }
    return entry.loc;
}
//# sourceMappingURL=fileLocator.js.map