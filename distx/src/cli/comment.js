import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PathNotFoundError, UsageError } from '../errors.js';
import { forgejoApi } from './forgejoApi.js';
import { planComment } from './planComment.js';
/** The first line of fleethub's pull request comment, by which later runs find it. */
export const DIFF_MARKER = '<!-- fleethub-diff -->';
export const comment = {
    name: 'comment',
    summary: 'post a file as the one fleethub comment on this pull request (Forgejo Actions)',
    usage: `fleethub comment <file> [--marker <line>]

Run in a Forgejo Actions job of a pull_request event: posts <file> (Markdown,
e.g. 'fleethub diff --format md') as one comment on the pull request, and on
later pushes edits that same comment in place, found by its first line, the
marker (default ${DIFF_MARKER}; put first when the file lacks it) — never a
second comment. Through Forgejo's API:
  POST  /api/v1/repos/{owner}/{repo}/issues/{index}/comments
  PATCH /api/v1/repos/{owner}/{repo}/issues/comments/{id}
It reads the pull request from GITHUB_EVENT_PATH, the repository from
GITHUB_REPOSITORY, the server from GITHUB_SERVER_URL, and the token from
FLEETHUB_TOKEN (else GITHUB_TOKEN): pass \${{ secrets.GITHUB_TOKEN }}. The token
is never printed. A pull request from a fork has a read-only token: nothing is
posted, and the log says so and shows the file instead.
Exit codes: 0 posted, edited, already up to date, or skipped for a fork;
2 usage (not a pull request event, no token) or the API refused.`,
    options: { marker: { type: 'string' } },
    reads: true,
    async run(args, ctx) {
        const [file, ...extra] = args.positionals;
        if (file === undefined || extra.length > 0)
            throw new UsageError('give exactly one file: fleethub comment <file>');
        const marker = typeof args.values.marker === 'string' ? args.values.marker.trim() : DIFF_MARKER;
        if (marker === '' || marker.includes('\n'))
            throw new UsageError('--marker must be one non-empty line');
        const path = resolve(ctx.cwd, file);
        let body;
        try {
            body = readFileSync(path, 'utf8');
        }
        catch (e) {
            if (e.code === 'ENOENT')
                throw new PathNotFoundError(file);
            throw e;
        }
        const pr = pullRequest(ctx.env);
        if (pr.fork) {
            const why = `pull request #${pr.number} comes from a fork (${pr.head}): its token is read-only, so no comment is posted; the checks still run, and the comment's text follows in this log`;
            return { text: () => `${why}\n\n${body.trimEnd()}`, json: () => ({ action: 'skipped', reason: 'fork', pullRequest: pr.number, head: pr.head, body }), problems: false };
        }
        const token = ctx.env.FLEETHUB_TOKEN || ctx.env.GITHUB_TOKEN;
        if (!token)
            throw new UsageError('no token: set FLEETHUB_TOKEN (in the workflow: FLEETHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }})');
        const server = ctx.env.GITHUB_SERVER_URL || ctx.env.FORGEJO_SERVER_URL;
        const repository = ctx.env.GITHUB_REPOSITORY;
        if (!server || !repository || !/^[^/\s]+\/[^/\s]+$/.test(repository))
            throw new UsageError('GITHUB_SERVER_URL and GITHUB_REPOSITORY (owner/name) must be set, as Forgejo Actions sets them');
        const api = forgejoApi(server, repository, token);
        const plan = planComment(await api.listComments(pr.number), body, marker);
        const done = plan.action === 'create' ? await api.createComment(pr.number, plan.body) : plan.action === 'edit' ? await api.editComment(plan.id, plan.body) : { id: plan.id, url: null };
        const where = `comment ${done.id} on pull request #${pr.number}${done.url ? ` (${done.url})` : ''}`;
        const line = plan.action === 'create' ? `posted ${where}` : plan.action === 'edit' ? `edited ${where} in place` : `${where} is already up to date`;
        return { text: () => line, json: () => ({ action: plan.action, id: done.id, url: done.url, pullRequest: pr.number }), problems: false };
    },
};
function pullRequest(env) {
    const path = env.GITHUB_EVENT_PATH;
    if (!path)
        throw new UsageError('GITHUB_EVENT_PATH is not set: fleethub comment runs in a Forgejo Actions job of a pull_request event');
    let event;
    try {
        event = JSON.parse(readFileSync(path, 'utf8'));
    }
    catch (e) {
        throw new UsageError(`cannot read the event payload ${path}: ${e.message}`);
    }
    const pr = event.pull_request;
    const number = pr?.number ?? event.number;
    if (!pr || typeof number !== 'number')
        throw new UsageError(`the event (${env.GITHUB_EVENT_NAME ?? 'unknown'}) is not a pull request: fleethub comment runs on pull_request events`);
    const head = typeof pr.head?.repo?.full_name === 'string' ? pr.head.repo.full_name : null;
    const base = typeof pr.base?.repo?.full_name === 'string' ? pr.base.repo.full_name : (env.GITHUB_REPOSITORY ?? null);
    // A head repository that is gone (a deleted fork) or another than the base: the token is read-only.
    return { number, fork: head === null || head !== base, head: head ?? 'a deleted repository' };
}
//# sourceMappingURL=comment.js.map