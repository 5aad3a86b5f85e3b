/**
 * `fleethub hub`: the dev-hub. Serves the fleet's live board and JSON API on
 * loopback until interrupted (Ctrl-C, SIGTERM), keeping them current from the
 * files, the probes and the outbox (src/hub/). This file parses the options,
 * passes the real I/O in (the reconcile loop's fileIo, the task command's own
 * code path for task changes), prints the URL and waits for the signal.
 */
import { randomBytes } from 'node:crypto';
import { UsageError } from '../errors.js';
import { isLoopback } from '../observe/isLoopback.js';
import { hubAssetDir } from '../hub/page/hubAssetDir.js';
import { renderHubPage } from '../hub/page/renderHubPage.js';
import { DEFAULT_PORT, startHub } from '../hub/startHub.js';
import { durationMs } from '../records/duration.js';
import { findRoot } from '../repo/findRoot.js';
import type { Command } from './command.js';
import { hubIo } from './hubIo.js';

export const hub: Command = {
  name: 'hub',
  summary: 'the dev-hub: a live web board and JSON API of the fleet on 127.0.0.1',
  usage: `fleethub hub [--port <n>] [--host <addr>] [--probe-interval <duration>] [--allow-remote] [--token <t>]

Serves the fleet's board (a web page) and its JSON API (docs/hub.md) on
http://127.0.0.1:${DEFAULT_PORT}/ until interrupted (Ctrl-C), and prints the one URL
to open: it carries a session token, which the page swaps for a cookie. The
token is new at every start unless FLEETHUB_HUB_TOKEN or --token gives one.
The board stays current: edited files (a watcher on registry/, workplans/,
policies/), a checkout or pull (HEAD moves), task changes (from the page or
'fleethub task'), probes on an interval (modes with hysteresis; status/ is
written as 'reconcile --probe --write' does), and the outbox relayed upstream
in the background (as 'relay --watch').
  --port <n>                 the port (default ${DEFAULT_PORT}; 0 picks a free one)
  --host <addr>              the address to bind (default 127.0.0.1); another than
                             loopback needs --allow-remote and a token
  --probe-interval <d>       probe the fleet every <d> (e.g. 30s, 5m; default 30s; 0 never)
  --allow-remote             let probes contact addresses other than loopback, and
                             allow a non-loopback --host
  --token <t>                the session token, at least 16 characters (also
                             FLEETHUB_HUB_TOKEN)
Exit codes: 0 stopped by a signal, 2 the port is taken, a refused bind, or
another usage or internal error.`,
  options: { port: { type: 'string' }, host: { type: 'string' }, 'probe-interval': { type: 'string' }, 'allow-remote': { type: 'boolean' }, token: { type: 'string' } },
  reads: false,
  noArguments: true,
  async run(args, ctx) {
    const port = args.values.port === undefined ? DEFAULT_PORT : Number(args.values.port);
    if (typeof args.values.port === 'string' && (!/^\d+$/.test(args.values.port) || port > 65535)) throw new UsageError(`--port must be a port number (0-65535), not '${args.values.port}'`);
    const interval = typeof args.values['probe-interval'] === 'string' ? args.values['probe-interval'] : '30s';
    const probeIntervalMs = interval === '0' ? 0 : durationMs(interval);
    if (probeIntervalMs === null || (probeIntervalMs > 0 && probeIntervalMs < 1000)) throw new UsageError(`--probe-interval must be a duration of at least 1s (30s, 5m) or 0, not '${interval}'`);
    const given = typeof args.values.token === 'string' ? args.values.token : ctx.env.FLEETHUB_HUB_TOKEN;
    const host = typeof args.values.host === 'string' ? args.values.host : '127.0.0.1';
    const short = given !== undefined && given.length < 16;
    // Off loopback, startHub names all that is missing at once (a short token counts as none); here, only the short token.
    if (short && (isLoopback(host) || args.values['allow-remote'] === true)) throw new UsageError('the hub token (--token or FLEETHUB_HUB_TOKEN) must be at least 16 characters');
    const root = findRoot(ctx.cwd, ctx.root);
    const signal = ctx.signal ?? new AbortController().signal;
    // Listening on the signal says "I stop cleanly" (bin/fleethub.js then aborts it instead of exiting).
    const stopped = new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));
    const log = (line: string): void => ctx.log?.(line);
    const io = hubIo(root, ctx, log);
    const running = await startHub(io, {
      host,
      port,
      token: given ?? randomBytes(24).toString('base64url'),
      tokenGiven: given !== undefined && !short,
      allowRemote: args.values['allow-remote'] === true,
      probeIntervalMs,
      page: { render: (snapshot, query) => renderHubPage(snapshot, query), assetDir: hubAssetDir() },
    });
    log(`fleethub hub: the board of ${root} is at ${running.url}`);
    log('  (open it in a browser; Ctrl-C stops the hub)');
    await stopped;
    await running.close();
    return { text: () => 'hub stopped', problems: false };
  },
};
