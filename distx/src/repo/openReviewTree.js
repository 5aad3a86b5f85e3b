/**
 * The two directories `fleethub diff` materialises revisions in, one per side
 * of the range so the two are evaluated at once: `.fleethub/review/tree/`
 * (the later revision) and `.fleethub/review/base/` (the earlier one), each
 * kept between runs with a record of what it holds (`holds.json`,
 * `base.json`: the commit and its files, path → blob id), so the next diff
 * writes only the files that differ from the revision that side last held
 * (nothing, for a pull request's merge base), and its cache
 * (`<dir>/.fleethub/cache.sqlite`) is refreshed, not rebuilt. Writing 30,000
 * files is most of a cold diff's time.
 *
 * - One diff at a time holds it (`.fleethub/review/lock`, created
 *   exclusively, naming its process); a second diff meanwhile works in a
 *   temporary directory of its own, removed afterwards. A lock whose process
 *   is gone is taken over.
 * - The record is removed before the directory is touched (`touch`) and
 *   written back only once it matches again: after a crash there is no
 *   record, and the directory is emptied and written whole. A slot a diff
 *   does not use keeps its record as it was.
 * I/O.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureStateDir } from './ensureStateDir.js';
import { EMPTY_DIR } from './materialiseRevision.js';
import { processAlive } from './processAlive.js';
export function openReviewTree(root) {
    const base = join(ensureStateDir(root), 'review');
    mkdirSync(base, { recursive: true, mode: 0o700 });
    const lock = join(base, 'lock');
    if (!takeLock(lock)) {
        const dir = mkdtempSync(join(base, 'tmp-'));
        const slot = (name) => {
            mkdirSync(join(dir, name));
            return { dir: join(dir, name), holds: EMPTY_DIR, over: null, touch: () => { }, save: () => { }, clear: () => { } };
        };
        return { from: slot('base'), to: slot('tree'), release: () => rmSync(dir, { recursive: true, force: true }) };
    }
    return { from: openSlot(join(base, 'base'), join(base, 'base.json')), to: openSlot(join(base, 'tree'), join(base, 'holds.json')), release: () => unlinkSync(lock) };
}
const COMMIT = /^[0-9a-f]{40}$/;
function openSlot(dir, record) {
    let holds = EMPTY_DIR;
    let over = null;
    try {
        const j = JSON.parse(readFileSync(record, 'utf8'));
        if (typeof j.commit !== 'string' || !COMMIT.test(j.commit) || j.files === null || typeof j.files !== 'object')
            throw new Error('not a record of this version');
        if (j.over !== undefined && (typeof j.over !== 'string' || !COMMIT.test(j.over)))
            throw new Error('not a record of this version');
        holds = { commit: j.commit, files: new Map(Object.entries(j.files)) };
        over = j.over ?? null;
    }
    catch {
        rmSync(dir, { recursive: true, force: true }); // no record (first run, or a crash), or one this version cannot read: start empty
    }
    mkdirSync(dir, { recursive: true });
    const slot = {
        dir,
        holds,
        over,
        touch: () => rmSync(record, { force: true }),
        save: (h, on = null) => writeFileSync(record, JSON.stringify({ commit: h.commit, files: Object.fromEntries(h.files), ...(on ? { over: on } : {}) })),
        clear: () => {
            slot.touch();
            rmSync(dir, { recursive: true, force: true });
            mkdirSync(dir, { recursive: true });
            slot.holds = EMPTY_DIR;
            slot.over = null;
        },
    };
    return slot;
}
function takeLock(lock) {
    for (let attempt = 0; attempt < 2; attempt++) {
        try {
            writeFileSync(lock, String(process.pid), { flag: 'wx', mode: 0o600 });
            return true;
        }
        catch (e) {
            if (e.code !== 'EEXIST')
                throw e;
            const pid = Number(readFileSync(lock, 'utf8'));
            if (Number.isInteger(pid) && pid > 0 && processAlive(pid))
                return false;
            rmSync(lock, { force: true }); // its process is gone
        }
    }
    return false;
}
//# sourceMappingURL=openReviewTree.js.map