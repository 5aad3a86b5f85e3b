export function serveEvents(req, res, url, state, heartbeatMs, headers) {
    res.writeHead(200, { ...headers, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    const send = (c) => {
        res.write(`id: ${c.revision}\nevent: change\ndata: ${state.textOf(c)}\n\n`);
    };
    const reset = () => {
        const revision = state.snapshot()?.revision ?? null;
        res.write(`${revision !== null ? `id: ${revision}\n` : ''}event: reset\ndata: ${JSON.stringify({ revision })}\n\n`);
    };
    res.write('retry: 2000\n\n');
    const from = req.headers['last-event-id'] ?? url.searchParams.get('since') ?? undefined;
    if (from !== undefined) {
        const revision = /^\d+$/.test(String(from)) ? Number(from) : NaN;
        const missed = state.since(revision);
        if (missed === null)
            reset();
        else
            missed.forEach(send);
    }
    const unsubscribe = state.subscribe(send);
    const beat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs);
    const stop = () => {
        clearInterval(beat);
        unsubscribe();
    };
    req.on('close', stop);
    res.on('close', stop);
}
//# sourceMappingURL=serveEvents.js.map