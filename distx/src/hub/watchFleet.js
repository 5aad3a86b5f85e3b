/**
 * The file watcher (chokidar): the fleet's record directories (registry/,
 * workplans/, policies/), never .git, .fleethub or editor temp files. Events
 * are hints: the paths seen are collected and handed over once the files have
 * been quiet for `debounceMs` (at most `maxWaitMs` after the first), for the
 * cache to re-hash. A watcher error (ENOSPC: out of inotify watches) is
 * reported; the hub answers it with a full rescan.
 */
import { relative, sep } from 'node:path';
import { watch } from 'chokidar';
import { KIND_DIRS } from '../records/kinds.js';
const TOPS = new Set(KIND_DIRS.map((k) => k.dir.split('/')[0]));
/** Editor temp and backup files: vim's .swp/.swx and its 4913 probe, emacs' `file~` and `.#file` locks, and the `.tmp` of atomic writes. */
export function ignoredPath(rel) {
    if (rel === '')
        return false;
    const parts = rel.split('/');
    if (!TOPS.has(parts[0]))
        return true;
    const base = parts[parts.length - 1];
    return parts.some((p) => p === '.git' || p === '.fleethub') || /\.sw[a-p x]$/.test(base) || base.endsWith('~') || base.startsWith('.#') || base === '4913' || /\.tmp(-\w+)?$/.test(base);
}
export function watchFleet(root, onChange, onError, options = {}) {
    const debounceMs = options.debounceMs ?? 10;
    const maxWaitMs = options.maxWaitMs ?? 250;
    const rel = (p) => relative(root, p).split(sep).join('/');
    const watcher = watch(root, { ignored: (p) => ignoredPath(rel(p)), ignoreInitial: true, persistent: true, atomic: false });
    let seen = new Set();
    let timer = null;
    let first = 0;
    const flush = () => {
        timer = null;
        const paths = [...seen];
        seen = new Set();
        if (paths.length > 0)
            onChange(paths);
    };
    watcher.on('all', (event, path) => {
        if (event === 'addDir' || event === 'unlinkDir') {
            // A directory appeared or went (a checkout, a rename): its files are not listed one by one, so look at everything.
            seen.add('');
        }
        else
            seen.add(rel(path));
        if (timer === null)
            first = Date.now();
        else
            clearTimeout(timer);
        timer = setTimeout(flush, Date.now() - first >= maxWaitMs ? 0 : debounceMs);
    });
    watcher.on('error', (e) => onError(e));
    const ready = new Promise((resolve) => watcher.once('ready', () => resolve()));
    return {
        ready,
        async close() {
            if (timer)
                clearTimeout(timer);
            await watcher.close();
        },
    };
}
//# sourceMappingURL=watchFleet.js.map