import { FleethubError, HubRequestError, UsageError } from '../errors.js';
import { validateBody } from './hubBodies.js';
import { readJsonBody } from './readJsonBody.js';
const SEGMENT = '([^/]+)';
function current(app) {
    const s = app.state.snapshot();
    if (!s)
        throw new HubRequestError(503, 'not-ready', 'the hub is still reading the fleet; try again in a moment (GET /api/ready says when)');
    return s;
}
function byId(section, idKey) {
    return ({ app, params }) => {
        const items = current(app).sections[section];
        const found = items?.find((i) => i[idKey] === params[0]);
        if (!found)
            throw new HubRequestError(404, 'not-found', `no ${section.replace(/s$/, '')} '${params[0]}'${items ? ` (GET /api/${section} lists them)` : ''}`);
        return { json: found };
    };
}
export const ROUTES = [
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
            const body = validateBody('task', await readJsonBody(req, app.bodyLimit));
            let result;
            try {
                result = await app.io.setTask(params[0], params[1], body.action, body.note);
            }
            catch (e) {
                if (!(e instanceof UsageError))
                    throw e;
                // The task command's refusals: no such workplan or task (404), a workplan that cannot be edited as it is (409), anything else (400).
                const code = typeof e.data.code === 'string' ? e.data.code : 'invalid-task';
                throw new HubRequestError(code === 'unknown-workplan' || code === 'task-not-found' ? 404 : code === 'invalid-workplan' || code === 'ambiguous' || code === 'not-a-workplan' ? 409 : 400, code, e.message);
            }
            await app.recorded();
            return { status: 202, json: { ...result, revision: current(app).revision } };
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
            let result;
            try {
                result = await app.io.setRollout(params[0], params[1]);
            }
            catch (e) {
                if (e instanceof FleethubError && e.code === 'intent-unknown')
                    throw new HubRequestError(404, 'not-found', e.message);
                throw e;
            }
            await app.recorded();
            return { status: 202, json: { ...result, revision: current(app).revision } };
        },
    },
    {
        method: 'GET',
        pattern: new RegExp(`^/api/${SEGMENT}$`),
        fallback: true,
        handle({ app, params }) {
            const s = current(app);
            if (!(params[0] in s.sections))
                throw new HubRequestError(404, 'not-found', `no section '${params[0]}'; the sections: ${Object.keys(s.sections).join(', ')}`);
            return { json: s.sections[params[0]] };
        },
    },
];
//# sourceMappingURL=hubRoutes.js.map