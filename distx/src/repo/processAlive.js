/** Whether a process with this pid exists (one we may not signal counts: EPERM means it is there). For stale-lock and leftover-file checks. */
export function processAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (e) {
        return e.code === 'EPERM';
    }
}
//# sourceMappingURL=processAlive.js.map