/**
 * The few Forgejo API calls `fleethub comment` makes (a pull request's
 * comments: list, create, edit), with `Authorization: token <token>`. Every
 * message it builds is redacted: no token, no credentials in a URL. I/O
 * (fetch is passed in).
 */
import { ForgejoApiError } from '../errors.js';
import { redactUrl } from '../relay/redactUrl.js';
export function forgejoApi(serverUrl, repository, token, fetchFn = fetch) {
    const base = `${serverUrl.replace(/\/+$/, '')}/api/v1/repos/${repository.split('/').map(encodeURIComponent).join('/')}`;
    const redact = (s) => (token ? s.split(token).join('***') : s);
    const call = async (method, path, body) => {
        const url = `${base}${path}`;
        const shown = redact(redactUrl(url));
        let res;
        try {
            res = await fetchFn(url, { method, headers: { authorization: `token ${token}`, accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
        }
        catch (e) {
            throw new ForgejoApiError(method, shown, 0, redact(`cannot reach the server: ${e.cause instanceof Error ? e.cause.message : e.message}`));
        }
        const text = await res.text();
        if (!res.ok)
            throw new ForgejoApiError(method, shown, res.status, redact(messageOf(text)).slice(0, 300));
        try {
            return text ? JSON.parse(text) : null;
        }
        catch {
            throw new ForgejoApiError(method, shown, res.status, 'the answer is not JSON');
        }
    };
    const comment = (c) => {
        const o = c;
        if (typeof o?.id !== 'number')
            throw new ForgejoApiError('GET', redact(base), 200, 'a comment without an id');
        return { id: o.id, body: typeof o.body === 'string' ? o.body : '', url: typeof o.html_url === 'string' ? o.html_url : null };
    };
    return {
        // The issue comments endpoint takes no page or limit (only since/before): it answers every comment at once.
        async listComments(index) {
            const got = await call('GET', `/issues/${index}/comments`);
            if (!Array.isArray(got))
                throw new ForgejoApiError('GET', redact(`${base}/issues/${index}/comments`), 200, 'the answer is not a list of comments');
            return got.map(comment);
        },
        createComment: async (index, body) => comment(await call('POST', `/issues/${index}/comments`, { body })),
        editComment: async (id, body) => comment(await call('PATCH', `/issues/comments/${id}`, { body })),
    };
}
function messageOf(text) {
    try {
        const m = JSON.parse(text).message;
        if (typeof m === 'string')
            return m;
    }
    catch {
        // not JSON: the text itself, below
    }
    return text.trim();
}
//# sourceMappingURL=forgejoApi.js.map