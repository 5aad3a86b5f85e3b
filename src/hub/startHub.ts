/**
 * Starts the hub: the HTTP server on loopback, a full evaluation of the fleet
 * (cache refresh + the offline reconcile), then keeps it current until
 * `close()`: the file watcher's hints (incremental refresh), a full rescan on
 * a watcher error or when HEAD moves (a branch switch, a pull), the outbox
 * (a `fleethub task` from the CLI, a relay pass), probes every
 * `probeIntervalMs` (reconcile --probe --write: modes with hysteresis), and
 * the relay in the background. I/O through `io`; the process, the signals and
 * the printing belong to src/cli/hub.ts.
 */
import type { AddressInfo } from 'node:net';
import { HubPortInUseError, HubRemoteBindError } from '../errors.js';
import { isLoopback } from '../observe/isLoopback.js';
import { openOutbox } from '../outbox/openOutbox.js';
import { attemptRelay } from '../relay/attemptRelay.js';
import { readHeadCommit } from '../repo/gitRepository.js';
import { evaluateHub, type HubMemory } from './evaluateHub.js';
import { HUB_SECTIONS } from './hubSections.js';
import type { HubIo } from './hubIo.js';
import { hubRefresher, type HubRefresher } from './hubRefresher.js';
import { hubRelay } from './hubRelay.js';
import type { HubPage } from './hubRoutes.js';
import { hubServer } from './hubServer.js';
import { hubState, type HubState } from './hubState.js';
import { watchFleet } from './watchFleet.js';

export const DEFAULT_PORT = 7780;

export interface HubOptions {
  host: string;
  port: number;
  token: string;
  /** The token was chosen by the user (--token, FLEETHUB_HUB_TOKEN; at least 16 characters), not made up at start: required for a non-loopback bind. */
  tokenGiven: boolean;
  allowRemote: boolean;
  /** How often to probe the fleet; 0: never. */
  probeIntervalMs: number;
  page: HubPage | null;
  /** How often the relay looks at the outbox when idle (default 5 s). */
  relayIntervalMs?: number;
  /** How often HEAD and the outbox are looked at (default 1 s). */
  pollMs?: number;
  bodyLimit?: number;
  heartbeatMs?: number;
  debounceMs?: number;
}

export interface RunningHub {
  /** The URL to open: it carries the token. */
  url: string;
  port: number;
  state: HubState;
  refresher: HubRefresher;
  close(): Promise<void>;
}

export async function startHub(io: HubIo, options: HubOptions): Promise<RunningHub> {
  if (!isLoopback(options.host)) {
    const missing = [...(options.allowRemote ? [] : ['--allow-remote']), ...(options.tokenGiven ? [] : ['a token of at least 16 characters (--token or FLEETHUB_HUB_TOKEN)'])];
    if (missing.length > 0) throw new HubRemoteBindError(options.host, missing);
  }
  const stop = new AbortController();
  const startedAt = io.now();
  const state = hubState(startedAt.getTime());
  const logError = (what: string) => (e: unknown) => io.log(`hub: ${what}: ${(e as Error)?.message ?? String(e)}`);
  const memory: HubMemory = { checkResults: new Map(), sections: null, graph: null, workplans: null };
  const refresher = hubRefresher(state, (r, early) => evaluateHub(io, r, HUB_SECTIONS, early, memory), options.allowRemote, logError('evaluation failed (the page keeps the last good state)'));
  const relayIntervalMs = options.relayIntervalMs ?? 5000;

  let relay: ReturnType<typeof hubRelay> | null = null;
  const app = {
    io,
    state,
    port: options.port,
    token: options.token,
    page: options.page,
    bodyLimit: options.bodyLimit ?? 64 * 1024,
    heartbeatMs: options.heartbeatMs ?? 15_000,
    startedAt,
    async relayNow() {
      const attempt = await attemptRelay(io.root, io.relayOptions, io);
      await refresher.request({ paths: [] });
      return attempt.ok ? { ok: attempt.report.dead.length === 0, ...attempt.report } : { ok: false, later: attempt.later, error: { code: attempt.error.code, message: attempt.error.message } };
    },
    async recorded() {
      await refresher.request({ paths: [] });
      relay?.nudge();
    },
  };
  const server = hubServer(app, options.allowRemote);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => reject(e.code === 'EADDRINUSE' ? new HubPortInUseError(options.host, options.port) : e));
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  app.port = port;
  server.on('error', logError('server'));
  try {
    return await keepCurrent();
  } catch (e) {
    stop.abort();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw e;
  }

  async function keepCurrent(): Promise<RunningHub> {
    let rescans: NodeJS.Timeout | null = null;
    const watcher = watchFleet(
      io.root,
      (paths) => void refresher.request(paths.includes('') ? { full: true } : { paths }),
      (e) => {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ENOSPC' && rescans === null) {
          // Some directories go unwatched: until the hub is restarted with more watches, every file is compared every minute.
          rescans = setInterval(() => void refresher.request({ full: true }), 60_000);
        }
        io.log(
          code === 'ENOSPC'
            ? 'hub: the file watcher ran out of inotify watches (ENOSPC): raise fs.inotify.max_user_watches (e.g. sudo sysctl fs.inotify.max_user_watches=524288) and restart the hub; until then every file is rescanned every minute'
            : `hub: the file watcher failed (${e.message}); rescanning every file`,
        );
        void refresher.request({ full: true });
      },
      options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {},
    );
    // Watching before the first evaluation: a file saved while it runs is not missed.
    await Promise.all([watcher.ready, refresher.request({ full: true })]);

    // HEAD and the outbox, looked at every second: a checkout or a pull moves HEAD (rescan everything); a CLI `fleethub task` or a relay pass changes the outbox.
    let head = readHeadCommit(io.root);
    let outboxSeen = outboxFingerprint(io.root);
    const poll = setInterval(() => {
      try {
        look();
      } catch (e) {
        logError('reading HEAD or the outbox')(e);
      }
    }, options.pollMs ?? 1000);
    function look(): void {
      const h = readHeadCommit(io.root);
      if (h !== head) {
        head = h;
        void refresher.request({ full: true });
      }
      const o = outboxFingerprint(io.root);
      if (o !== outboxSeen) {
        outboxSeen = o;
        void refresher.request({ paths: [] });
      }
    }
    const probes = options.probeIntervalMs > 0 ? setInterval(() => void refresher.request({ paths: [], probe: true }), options.probeIntervalMs) : null;
    if (options.probeIntervalMs > 0) void refresher.request({ paths: [], probe: true });

    relay = hubRelay(io.root, { ...io.relayOptions, intervalMs: relayIntervalMs }, io, stop.signal, (outcome) => {
      if (outcome instanceof Error) io.log(`hub: relay waiting: ${outcome.message}`);
      else if (outcome.applied > 0 || outcome.dead.length > 0) io.log(`hub: relayed ${outcome.applied} event(s)${outcome.dead.length > 0 ? `, ${outcome.dead.length} dead letter(s)` : ''}`);
      void refresher.request({ paths: [] });
    });
    const relayDone = relay.stopped.catch(logError('the relay stopped'));

    const shownHost = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host.includes(':') ? `[${options.host}]` : options.host;
    let closing: Promise<void> | null = null;
    return {
      url: `http://${shownHost}:${port}/?token=${encodeURIComponent(options.token)}`,
      port,
      state,
      refresher,
      close() {
        closing ??= (async () => {
          stop.abort();
          clearInterval(poll);
          if (probes) clearInterval(probes);
          if (rescans) clearInterval(rescans);
          await watcher.close();
          const closed = new Promise<void>((resolve) => server.close(() => resolve()));
          server.closeAllConnections();
          await closed;
          await relayDone;
          await refresher.idle();
        })();
        return closing;
      },
    };
  }
}

/** What changes in the outbox when an event is recorded, relayed or dies: the counts and the relay's state. */
function outboxFingerprint(root: string): string {
  const outbox = openOutbox(root, { create: false });
  if (!outbox) return '';
  try {
    return JSON.stringify([outbox.counts(), outbox.relayState()]);
  } finally {
    outbox.close();
  }
}
