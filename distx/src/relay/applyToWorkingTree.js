/**
 * The relay target of a repository without an upstream: the events' edits are
 * written to the working tree (the user commits them), through a redo log so
 * that a crash loses nothing and applies nothing twice. The log
 * (`.fleethub/relay.redo.json`: the event ids and every file's new text) is
 * made durable first; then the files are written (each atomically); then the
 * events are settled in the outbox; then the log is removed. A log found at
 * the start of a pass is finished first, if any of its events is still
 * pending: rewriting the same texts is harmless, while recomputing them could
 * append a note twice.
 */
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { STATE_DIR } from '../repo/ensureStateDir.js';
import { writeFileAtomically } from '../repo/writeFileAtomically.js';
export function applyToWorkingTree(root, outbox, plan, at) {
    const changes = {};
    for (const b of plan.batches)
        for (const [path, text] of b.changes)
            changes[path] = text;
    const log = { applied: plan.batches.flatMap((b) => b.events.map((e) => e.id)), dead: plan.dead, changes };
    writeFileAtomically(redoPath(root), JSON.stringify(log));
    return finish(root, outbox, log, at);
}
/**
 * Finishes a pass a crash interrupted; returns the files it wrote (none when
 * there was nothing to finish). A log that is not one this code writes (it
 * does not parse, or its shape is wrong — hand-edited, damaged) is not
 * trusted: it is moved aside to `relay.redo.json.invalid` (kept for a look),
 * `onInvalid` is told why, and the pass goes on from the outbox, which still
 * holds every event the log was about as pending.
 */
export function recoverWorkingTree(root, outbox, at, onInvalid = () => { }) {
    const path = redoPath(root);
    if (!existsSync(path))
        return [];
    let log;
    try {
        log = parseRedoLog(readFileSync(path, 'utf8'));
    }
    catch (e) {
        renameSync(path, `${path}.invalid`);
        onInvalid(`${path} was not a valid redo log (${e.message}); moved aside to ${path}.invalid, the events are relayed from the outbox`);
        return [];
    }
    const pending = new Set(outbox.list('pending').map((e) => e.id));
    if (![...log.applied, ...log.dead.map((d) => d.id)].some((id) => pending.has(id))) {
        rmSync(path, { force: true });
        return [];
    }
    return finish(root, outbox, log, at);
}
/** The redo log, checked: ids are strings, dead letters have string fields, changes map repository-relative paths (no '..', not absolute) to text. */
function parseRedoLog(text) {
    const raw = JSON.parse(text);
    const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
    if (!isObject(raw))
        throw new Error('not a JSON object');
    const { applied, dead, changes } = raw;
    if (!Array.isArray(applied) || !applied.every((id) => typeof id === 'string'))
        throw new Error('applied is not a list of event ids');
    if (!Array.isArray(dead) || !dead.every((d) => isObject(d) && typeof d.id === 'string' && typeof d.code === 'string' && typeof d.reason === 'string'))
        throw new Error('dead is not a list of {id, code, reason}');
    if (!isObject(changes))
        throw new Error('changes is not an object');
    for (const [file, content] of Object.entries(changes)) {
        if (typeof content !== 'string')
            throw new Error(`the change to ${JSON.stringify(file)} is not text`);
        if (file === '' || isAbsolute(file) || file.split(/[\\/]/).some((part) => part === '..' || part === '' || part === '.git' || part === '.fleethub'))
            throw new Error(`${JSON.stringify(file)} is not a path inside the repository`);
    }
    return { applied: applied, dead: dead, changes: changes };
}
function finish(root, outbox, log, at) {
    const written = Object.keys(log.changes);
    for (const [file, text] of Object.entries(log.changes))
        writeFileAtomically(join(root, file), text);
    outbox.settle({ applied: log.applied.map((id) => ({ id, commit: null })), dead: log.dead, at });
    rmSync(redoPath(root), { force: true });
    return written;
}
/** Whether a pass into the working tree was interrupted and is still to be finished. */
export function hasRedoLog(root) {
    return existsSync(redoPath(root));
}
function redoPath(root) {
    return join(root, STATE_DIR, 'relay.redo.json');
}
//# sourceMappingURL=applyToWorkingTree.js.map