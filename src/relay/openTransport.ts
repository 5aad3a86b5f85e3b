/**
 * The transport for an upstream address: isomorphic-git over HTTP for
 * http(s):// (with FLEETHUB_TOKEN, else the URL's user:password, as basic
 * auth, in memory only), the system's git for everything else.
 */
import type { HttpClient } from 'isomorphic-git';
import type { GitTransport } from './gitTransport.js';
import { httpTransport } from './httpTransport.js';
import type { RemoteAddress } from './parseRemote.js';
import { systemGitTransport } from './systemGitTransport.js';

export interface TransportOptions {
  token?: string;
  tokenUser?: string;
  /** Per HTTP request or git process (default 120 s). */
  requestTimeoutMs?: number;
  /** The environment the system's git runs with. */
  env?: Readonly<Record<string, string | undefined>>;
}

export async function openTransport(remote: RemoteAddress, options: TransportOptions, http: HttpClient | undefined, cache: object): Promise<GitTransport> {
  const timeout = options.requestTimeoutMs ?? 120_000;
  if (remote.transport === 'system-git') return systemGitTransport({ url: remote.url, shown: remote.shown, env: options.env ?? {}, timeoutMs: timeout });
  // Loaded here, not at start-up: only a relay to an HTTP upstream speaks HTTP.
  const base = http ?? (await import('isomorphic-git/http/node')).default;
  const timed: HttpClient = { request: (req) => base.request({ ...req, signal: req.signal ?? AbortSignal.timeout(timeout) }) };
  const headers: Record<string, string> = {};
  let credentials: string | null = null;
  const basic = (user: string, password: string): string => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  if (options.token) {
    headers.Authorization = basic(options.tokenUser ?? remote.username ?? 'fleethub', options.token);
    credentials = 'the token in FLEETHUB_TOKEN';
  } else if (remote.username !== null) {
    headers.Authorization = basic(remote.username, remote.password ?? '');
    credentials = 'the credentials in the URL';
  }
  return httpTransport({ url: remote.url, shown: remote.shown, http: timed, headers, credentials, cache });
}
