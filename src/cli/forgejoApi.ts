/**
 * The few Forgejo API calls `fleethub comment` makes (a pull request's
 * comments: list, create, edit), with `Authorization: token <token>`. Every
 * message it builds is redacted: no token, no credentials in a URL. I/O
 * (fetch is passed in).
 */
import { ForgejoApiError } from '../errors.js';
import { redactUrl } from '../relay/redactUrl.js';
import type { ExistingComment } from './planComment.js';

export interface ForgejoApi {
  listComments(index: number): Promise<ExistingComment[]>;
  createComment(index: number, body: string): Promise<ExistingComment & { url: string | null }>;
  editComment(id: number, body: string): Promise<ExistingComment & { url: string | null }>;
}

export function forgejoApi(serverUrl: string, repository: string, token: string, fetchFn: typeof fetch = fetch): ForgejoApi {
  const base = `${serverUrl.replace(/\/+$/, '')}/api/v1/repos/${repository.split('/').map(encodeURIComponent).join('/')}`;
  const redact = (s: string): string => (token ? s.split(token).join('***') : s);
  const call = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const url = `${base}${path}`;
    const shown = redact(redactUrl(url));
    let res: Response;
    try {
      res = await fetchFn(url, { method, headers: { authorization: `token ${token}`, accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
    } catch (e) {
      throw new ForgejoApiError(method, shown, 0, redact(`${(e as Error).cause instanceof Error ? ((e as Error).cause as Error).message : (e as Error).message}`));
    }
    const text = await res.text();
    if (!res.ok) throw new ForgejoApiError(method, shown, res.status, redact(messageOf(text)).slice(0, 300));
    try {
      return text ? JSON.parse(text) : null;
    } catch {
      throw new ForgejoApiError(method, shown, res.status, 'the answer is not JSON');
    }
  };
  const comment = (c: unknown): ExistingComment & { url: string | null } => {
    const o = c as { id?: unknown; body?: unknown; html_url?: unknown };
    if (typeof o?.id !== 'number') throw new ForgejoApiError('GET', redact(base), 200, 'a comment without an id');
    return { id: o.id, body: typeof o.body === 'string' ? o.body : '', url: typeof o.html_url === 'string' ? o.html_url : null };
  };
  return {
    // The issue comments endpoint takes no page or limit (only since/before): it answers every comment at once.
    async listComments(index) {
      const got = await call('GET', `/issues/${index}/comments`);
      if (!Array.isArray(got)) throw new ForgejoApiError('GET', redact(`${base}/issues/${index}/comments`), 200, 'the answer is not a list of comments');
      return got.map(comment);
    },
    createComment: async (index, body) => comment(await call('POST', `/issues/${index}/comments`, { body })),
    editComment: async (id, body) => comment(await call('PATCH', `/issues/comments/${id}`, { body })),
  };
}

function messageOf(text: string): string {
  try {
    const m = (JSON.parse(text) as { message?: unknown }).message;
    if (typeof m === 'string') return m;
  } catch {
    // not JSON: the text itself, below
  }
  return text.trim();
}
