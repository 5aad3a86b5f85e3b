/**
 * The directory `fleethub init` scaffolds into, checked and created before anything is written:
 * it must be an empty directory or not exist; a file, a symlink (dangling or not) or a target on
 * a pseudo file system (procfs, sysfs, cgroup, ...: Node's recursive mkdir spins forever on
 * procfs) is a UsageError and nothing is created. Missing directories are created one level at a
 * time, so the work is bounded by the number of path components. Returns whether the directory
 * already held a `.git`.
 */
import { lstatSync, mkdirSync, readdirSync, statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import { UsageError } from '../errors.js';
/** statfs f_type of file systems that hold no user files (linux/magic.h). */
const PSEUDO_FS = {
    0x9fa0: 'proc',
    0x62656572: 'sysfs',
    0x27e0eb: 'cgroup',
    0x63677270: 'cgroup2',
    0x64626720: 'debugfs',
    0x74726163: 'tracefs',
    0x73636673: 'securityfs',
    0xcafe4a11: 'bpf',
    0x6165676c: 'pstore',
    0x62656570: 'configfs',
    0x65735543: 'fusectl',
    0x42494e4d: 'binfmt_misc',
    0x1cd1: 'devpts',
    0x19800202: 'mqueue',
};
function lstatOrUndefined(path) {
    try {
        return lstatSync(path);
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return undefined; // ENOTDIR: a file on the way, found walking up
        throw new UsageError(`cannot use ${path}: ${e.message}`);
    }
}
export function prepareInitTarget(target) {
    // The missing components, deepest first, and the deepest path that exists.
    const missing = [];
    let existing = target;
    let stat = lstatOrUndefined(existing);
    while (stat === undefined) {
        missing.unshift(existing);
        const parent = dirname(existing);
        if (parent === existing)
            throw new UsageError(`cannot create ${target}: no part of the path exists`);
        existing = parent;
        stat = lstatOrUndefined(existing);
    }
    if (stat.isSymbolicLink())
        throw new UsageError(`${existing} is a symbolic link; give init a real directory (or a path that does not exist yet)`);
    if (!stat.isDirectory())
        throw new UsageError(`${existing} is a file, not a directory; give init a directory that is empty or does not exist`);
    const fsType = PSEUDO_FS[Number(statfsSync(existing).type)];
    if (fsType !== undefined)
        throw new UsageError(`${existing} is on a ${fsType} pseudo file system; init a fleet repository on a real disk`);
    let hadGit = false;
    if (missing.length === 0) {
        const entries = readdirSync(target);
        if (entries.some((f) => f !== '.git'))
            throw new UsageError(`${target} is not empty; init only creates new fleet repositories`);
        hadGit = entries.includes('.git');
    }
    for (const dir of missing) {
        try {
            mkdirSync(dir);
        }
        catch (e) {
            throw new UsageError(`cannot create ${dir}: ${e.message}`);
        }
    }
    return { hadGit };
}
//# sourceMappingURL=prepareInitTarget.js.map