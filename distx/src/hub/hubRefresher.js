export function hubRefresher(state, evaluate, allowRemote, onError) {
    let waiting = null;
    let waiters = [];
    let running = null;
    const loop = async () => {
        while (waiting) {
            const next = waiting;
            const done = waiters;
            waiting = null;
            waiters = [];
            try {
                state.publish(await evaluate({ ...(next.full ? {} : { paths: [...next.paths] }), probe: next.probe, allowRemote }, (first) => state.publish(first)));
            }
            catch (e) {
                onError(e);
            }
            for (const d of done)
                d();
        }
        running = null;
    };
    return {
        request(r) {
            waiting ??= { paths: new Set(), full: false, probe: false };
            if (r.full || !r.paths)
                waiting.full = true;
            else
                for (const p of r.paths)
                    waiting.paths.add(p);
            if (r.probe)
                waiting.probe = true;
            const settled = new Promise((resolve) => waiters.push(resolve));
            running ??= loop();
            return settled;
        },
        async idle() {
            while (running)
                await running;
        },
    };
}
//# sourceMappingURL=hubRefresher.js.map