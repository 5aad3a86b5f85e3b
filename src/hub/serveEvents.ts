/**
 * GET /api/events: server-sent events. Each change is `id: <revision>`,
 * `event: change`, data `{revision, sections}` (only the sections that
 * changed). A client resuming with `Last-Event-ID` (or `?since=<revision>`,
 * the snapshot's revision it holds) gets the changes it missed, in order, or
 * `event: reset` when they are no longer kept (it then GETs /api/snapshot). A
 * `: heartbeat` comment every `heartbeatMs` keeps proxies and the browser from
 * giving up on a quiet stream.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HubChange, HubState } from './hubState.js';

export function serveEvents(req: IncomingMessage, res: ServerResponse, url: URL, state: HubState, heartbeatMs: number, headers: Record<string, string>): void {
  res.writeHead(200, { ...headers, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
  const send = (c: HubChange): void => {
    res.write(`id: ${c.revision}\nevent: change\ndata: ${state.textOf(c)}\n\n`);
  };
  const reset = (): void => {
    const revision = state.snapshot()?.revision ?? null;
    res.write(`${revision !== null ? `id: ${revision}\n` : ''}event: reset\ndata: ${JSON.stringify({ revision })}\n\n`);
  };
  res.write('retry: 2000\n\n');
  const from = req.headers['last-event-id'] ?? url.searchParams.get('since') ?? undefined;
  if (from !== undefined) {
    const revision = /^\d+$/.test(String(from)) ? Number(from) : NaN;
    const missed = state.since(revision);
    if (missed === null) reset();
    else missed.forEach(send);
  }
  const unsubscribe = state.subscribe(send);
  const beat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs);
  const stop = (): void => {
    clearInterval(beat);
    unsubscribe();
  };
  req.on('close', stop);
  res.on('close', stop);
}
