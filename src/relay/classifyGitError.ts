/**
 * Turns what isomorphic-git and the network throw into the relay's typed
 * errors: unreachable (transient: back off, retry), auth (stop and say so),
 * rejected (the push was refused for another reason). Anything else is a bug
 * and is rethrown as it is. The token is never part of a message. TLS
 * failures (EPROTO, certificate errors) are upstream being unreachable.
 */
import { FleethubError, UpstreamAuthError, UpstreamRejectedError, UpstreamUnreachableError } from '../errors.js';

const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'ECONNABORTED', 'ABORT_ERR', 'UND_ERR_SOCKET', 'EPROTO', 'ECONNCLOSED']);
/** TLS failures (a plain-HTTP server behind https://, a certificate that does not verify): upstream cannot be reached safely. */
const TLS = /^(ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|HOSTNAME_MISMATCH$)/;

/** `credentials`: where the credentials sent came from ('the token in FLEETHUB_TOKEN'), null when none were; `step`: what was being done (named when upstream refuses it). */
export function classifyGitError(e: unknown, url: string, credentials: string | null, step: 'push' | 'fetch' | 'ls-remote'): Error {
  if (e instanceof FleethubError) return e;
  const err = e as { code?: string; name?: string; message?: string; data?: { statusCode?: number; statusMessage?: string }; cause?: { code?: string } };
  const code = err.code ?? err.cause?.code ?? '';
  if (TLS.test(code) || /wrong version number|ssl routines|tls/i.test(code === 'EPROTO' ? (err.message ?? '') : '')) return new UpstreamUnreachableError(url, `TLS: ${tlsDetail(code, err.message ?? '')}`);
  if (NETWORK.has(code) || err.name === 'AbortError' || err.name === 'TimeoutError') return new UpstreamUnreachableError(url, code || err.name || 'no answer');
  // The HTTP client's own words for a connection that went quiet or away (simple-get, node:http).
  if (code === '' && /timed out|socket hang up|aborted/i.test(err.message ?? '')) return new UpstreamUnreachableError(url, (err.message ?? '').toLowerCase());
  if (code === 'HttpError') {
    const status = err.data?.statusCode ?? 0;
    if (status === 401 || status === 403) return new UpstreamAuthError(url, status, credentials);
    if (status >= 500 || status === 429 || status === 408) return new UpstreamUnreachableError(url, `HTTP ${status}${err.data?.statusMessage ? ` ${err.data.statusMessage}` : ''}`);
    return new UpstreamRejectedError(url, status === 404 ? 'HTTP 404: no Git repository at that URL' : `HTTP ${status}`, step);
  }
  if (code === 'UserCanceledError') return new UpstreamAuthError(url, 401, credentials);
  if (code === 'SmartHttpError') return new UpstreamRejectedError(url, 'not a Git smart HTTP server at that URL', step);
  return e instanceof Error ? e : new Error(String(e));
}

function tlsDetail(code: string, message: string): string {
  if (/wrong version number|packet length too long|http request/i.test(message)) return 'no TLS at that address (is it http://, not https://?)';
  return code || message.split('\n')[0]!.slice(0, 200);
}
