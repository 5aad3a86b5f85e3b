/**
 * The HTTP probe: one GET on a fresh connection (`agent: false`, so no keep-alive hides a flap or
 * a hang), an expected status, and optionally the JSON body — parsed when asked, with expected
 * fields compared by ===. The timeout covers everything: a socket idle timeout and an overall
 * timer, so a server that accepts and never answers (or trickles bytes) still fails on time. The
 * body is capped (256 KiB by default). Never rejects; leaves nothing open once it has resolved.
 */
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { ProbeResult } from './observation.js';
import { probeError } from './probeError.js';

export interface HttpProbeOptions {
  /** Default 200. */
  expectStatus?: number;
  /** Fields the JSON body must hold with exactly these (===) values; implies reading the body as JSON. */
  expectJson?: Record<string, unknown>;
  timeoutMs: number;
  signal: AbortSignal;
  /** Parse the body as JSON and return it (status documents). */
  readJson?: boolean;
  /** Bodies longer than this fail with 'body too large'. Default 256 KiB. */
  maxBodyBytes?: number;
  /** Name resolution, e.g. `loopbackLookup`. */
  lookup?: LookupFunction;
}

const MAX_BODY = 256 * 1024;

const show = (v: unknown): string => (v === undefined ? 'undefined' : JSON.stringify(v) ?? String(v));

export function probeHttp(url: string, options: HttpProbeOptions): Promise<{ result: ProbeResult; json?: unknown }> {
  const started = performance.now();
  const expectStatus = options.expectStatus ?? 200;
  const maxBody = options.maxBodyBytes ?? MAX_BODY;
  const wantJson = options.readJson === true || options.expectJson !== undefined;
  let status: number | undefined;
  const result = (ok: boolean, error?: string): ProbeResult => ({
    type: 'http', target: url, ok, ms: Math.round(performance.now() - started),
    ...(error === undefined ? {} : { error }), ...(status === undefined ? {} : { status }),
  });

  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return Promise.resolve({ result: result(false, 'bad url') });
  }
  const request = parsed.protocol === 'http:' ? httpRequest : parsed.protocol === 'https:' ? httpsRequest : undefined;
  if (!request) return Promise.resolve({ result: result(false, `unsupported protocol ${parsed.protocol}`) });
  if (options.signal.aborted) return Promise.resolve({ result: result(false, 'aborted') });

  const timeoutMs = Math.max(1, options.timeoutMs);
  let req: ClientRequest;
  try {
    req = request(parsed, {
      method: 'GET',
      agent: false,
      timeout: timeoutMs,
      headers: { accept: 'application/json', connection: 'close' },
      ...(options.lookup ? { lookup: options.lookup } : {}),
    });
  } catch (err) {
    return Promise.resolve({ result: result(false, probeError(err)) });
  }

  return new Promise((resolve) => {
    let settled = false;
    let res: IncomingMessage | undefined;
    const finish = (ok: boolean, error?: string, json?: unknown): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      req.on('error', () => undefined); // nothing may surface after we gave up
      res?.on('error', () => undefined);
      res?.destroy();
      req.destroy();
      resolve(json === undefined ? { result: result(ok, error) } : { result: result(ok, error), json });
    };
    const onAbort = (): void => finish(false, 'aborted');
    const timer = setTimeout(() => finish(false, 'timeout'), timeoutMs);
    options.signal.addEventListener('abort', onAbort, { once: true });
    req.on('timeout', () => finish(false, 'timeout'));
    req.on('error', (err) => finish(false, probeError(err)));
    req.on('response', (response) => {
      res = response;
      status = response.statusCode;
      if (status !== expectStatus) return finish(false, `status ${status ?? 'none'}`);
      const declared = Number(response.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBody) return finish(false, 'body too large');
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBody) return finish(false, 'body too large');
        if (wantJson) chunks.push(chunk);
      });
      response.on('error', (err) => finish(false, probeError(err)));
      response.on('close', () => { if (!response.complete) finish(false, 'reset'); });
      response.on('end', () => {
        if (!wantJson) return finish(true);
        let json: unknown;
        try {
          json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          return finish(false, 'bad json');
        }
        for (const [key, want] of Object.entries(options.expectJson ?? {})) {
          const got = json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>)[key] : undefined;
          if (got !== want) return finish(false, `json ${key}: got ${show(got)}, want ${show(want)}`, json);
        }
        finish(true, undefined, json);
      });
    });
    req.end();
  });
}
