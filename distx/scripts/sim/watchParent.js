/**
 * Calls `onGone` once when the process that started this one is gone: the parent pid changes when
 * the parent dies and the process is re-parented (to init or a subreaper). `npm run` and `sh -c`
 * may die on a signal without passing it on; the simulator must not outlive them holding its ports.
 * Returns a function that stops watching. The timer does not keep the process alive.
 */
export function watchParent(parentPid, onGone, intervalMs = 250) {
    const first = parentPid();
    const timer = setInterval(() => {
        if (parentPid() === first)
            return;
        clearInterval(timer);
        onGone();
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
}
//# sourceMappingURL=watchParent.js.map