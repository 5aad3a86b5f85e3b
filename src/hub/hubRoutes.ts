/**
 * The hub's routes: method, path pattern, handler. A handler returns the JSON
 * to send (status 200 unless it says otherwise) or writes the response itself
 * (the page, assets, events). Sections come from the snapshot by name, so a
 * section added to the registry (hubSections.ts) is served without touching
 * this file. Every refusal is a HubRequestError (docs/hub.md lists them).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FleethubError, HubRequestError, UsageError } from '../errors.js';
import type { TaskAction } from '../records/editTask.js';
import { validateBody } from './hubBodies.js';
import type { HubIo } from './hubIo.js';
import type { HubSnapshot } from './hubSnapshot.js';
import type { HubState } from './hubState.js';
import { readJsonBody } from './readJsonBody.js';

/** The web page (src/hub/page/): the server-rendered board and the directory of its assets. */
export interface HubPage {
  /** The page for the view its query picks (filter, area, page numbers). */
  render(snapshot: HubSnapshot, query: URLSearchParams): string;
  assetDir: string;
}

export interface HubApp {
  io: HubIo;
  state: HubState;
  port: number;
  token: string;
  page: HubPage | null;
  bodyLimit: number;
  heartbeatMs: number;
  /** A relay pass now (POST /api/relay): its outcome as JSON. */
  relayNow(): Promise<{ ok: boolean } & Record<string, unknown>>;
  /** A task was recorded: re-evaluate and let the relay look at the outbox. */
  recorded(): Promise<void>;
  startedAt: Date;
}

export interface RouteRequest {
  app: HubApp;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: string[];
  headers: Record<string, string>;
}

/** JSON (with a status), or `null` when the handler wrote the response itself. */
export type RouteResult = { status?: number; json: unknown } | null;

export interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  handle(r: RouteRequest): Promise<RouteResult> | RouteResult;
  /** Tried only when no other route's pattern matches (the generic section route: /api/relay is a POST route, not a section). */
  fallback?: true;
}

const SEGMENT = '([^/]+)';

function current(app: HubApp): HubSnapshot {
  const s = app.state.snapshot();
  if (!s) throw new HubRequestError(503, 'not-ready', 'the hub is still reading the fleet; try again in a moment (GET /api/ready says when)');
  return s;
}

function byId(section: string, idKey: string) {
  return ({ app, params }: RouteRequest): RouteResult => {
    const items = current(app).sections[section] as Array<Record<string, unknown>> | undefined;
    const found = items?.find((i) => i[idKey] === params[0]);
    if (!found) throw new HubRequestError(404, 'not-found', `no ${section.replace(/s$/, '')} '${params[0]}'${items ? ` (GET /api/${section} lists them)` : ''}`);
    return { json: found };
  };
}

export const ROUTES: readonly Route[] = [
  { method: 'GET', pattern: /^\/api\/health$/, handle: ({ app }) => ({ json: { ok: true, revision: app.state.snapshot()?.revision ?? null, started_at: app.startedAt.toISOString() } }) },
  {
    method: 'GET',
    pattern: /^\/api\/ready$/,
    handle: ({ app }) => {
      const s = app.state.snapshot();
      return s ? { json: { ready: true, revision: s.revision, generatedAt: s.generatedAt } } : { status: 503, json: { ready: false, revision: null } };
    },
  },
  { method: 'GET', pattern: /^\/api\/snapshot$/, handle: ({ app }) => ({ json: current(app) }) },
  { method: 'GET', pattern: new RegExp(`^/api/nodes/${SEGMENT}$`), handle: byId('nodes', 'id') },
  { method: 'GET', pattern: new RegExp(`^/api/workplans/${SEGMENT}$`), handle: byId('workplans', 'id') },
  {
    method: 'POST',
    pattern: new RegExp(`^/api/tasks/${SEGMENT}/${SEGMENT}$`),
    async handle({ app, req, params }) {
      const body = validateBody<{ action: TaskAction; note?: string }>('task', await readJsonBody(req, app.bodyLimit));
      let result: unknown;
      try {
        result = await app.io.setTask(params[0]!, params[1]!, body.action, body.note);
      } catch (e) {
        if (!(e instanceof UsageError)) throw e;
        // The task command's refusals: no such workplan or task (404), a workplan that cannot be edited as it is (409), anything else (400).
        const code = typeof e.data.code === 'string' ? e.data.code : 'invalid-task';
        throw new HubRequestError(code === 'unknown-workplan' || code === 'task-not-found' ? 404 : code === 'invalid-workplan' || code === 'ambiguous' || code === 'not-a-workplan' ? 409 : 400, code, e.message);
      }
      await app.recorded();
      return { status: 202, json: { ...(result as object), revision: current(app).revision } };
    },
  },
  {
    method: 'POST',
    pattern: /^\/api\/relay$/,
    async handle({ app, req }) {
      validateBody('empty', await readJsonBody(req, app.bodyLimit));
      return { json: await app.relayNow() };
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/api/rollouts/${SEGMENT}/(pause|abort)$`),
    async handle({ app, req, params }) {
      validateBody('empty', await readJsonBody(req, app.bodyLimit));
      let result: unknown;
      try {
        result = await app.io.setRollout(params[0]!, params[1] as 'pause' | 'abort');
      } catch (e) {
        if (e instanceof FleethubError && e.code === 'intent-unknown') throw new HubRequestError(404, 'not-found', e.message);
        if (e instanceof FleethubError && e.code === 'rollout-file-unreadable') throw new HubRequestError(409, 'rollout-file-unreadable', e.message);
        throw e;
      }
      await app.recorded();
      return { status: 202, json: { ...(result as object), revision: current(app).revision } };
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/api/${SEGMENT}$`),
    fallback: true,
    handle({ app, params }) {
      const s = current(app);
      if (!(params[0]! in s.sections)) throw new HubRequestError(404, 'not-found', `no section '${params[0]}'; the sections: ${Object.keys(s.sections).join(', ')}`);
      return { json: s.sections[params[0]!] };
    },
  },
];
