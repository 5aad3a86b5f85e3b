/** Resolves after `ms`, or at once when the signal aborts (never rejects). */
export function sleep(ms, signal) {
    return new Promise((resolve) => {
        if (signal.aborted)
            return resolve();
        const done = () => {
            clearTimeout(timer);
            signal.removeEventListener('abort', done);
            resolve();
        };
        const timer = setTimeout(done, Math.max(0, ms));
        signal.addEventListener('abort', done, { once: true });
    });
}
//# sourceMappingURL=sleep.js.map