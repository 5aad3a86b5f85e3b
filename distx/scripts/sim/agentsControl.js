export function agentsControl(agents, nodes, last) {
    const send = (res, status, body) => {
        const text = `${JSON.stringify(body, null, 2)}\n`;
        res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
        res.end(text);
        return true;
    };
    const summary = (id) => ({ id, installed: agents.installed(id), applications: agents.applications(id), fault: agents.fault(id), reports: last().get(id) ?? null });
    return async (req, res, path) => {
        if (path === '/control/agents' && req.method === 'GET')
            return send(res, 200, nodes.map(summary));
        const match = /^\/control\/agents\/([^/]+)$/.exec(path);
        if (!match)
            return false;
        const id = decodeURIComponent(match[1]);
        if (!nodes.includes(id))
            return send(res, 404, { error: `no simulated agent for node ${id}` });
        if (req.method === 'GET')
            return send(res, 200, summary(id));
        if (req.method !== 'POST')
            return send(res, 405, { error: 'use GET or POST' });
        let body;
        try {
            const chunks = [];
            for await (const chunk of req)
                chunks.push(chunk);
            body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            if (body === null || typeof body !== 'object' || Array.isArray(body))
                throw new Error('not an object');
        }
        catch {
            return send(res, 400, { error: 'body must be JSON: {"apply_ms": <ms>, "fail": true|false}' });
        }
        const unknown = Object.keys(body).filter((k) => k !== 'apply_ms' && k !== 'fail');
        if (unknown.length > 0)
            return send(res, 400, { error: `unknown field ${unknown.join(', ')}: give apply_ms and/or fail` });
        if (body.apply_ms !== undefined && (typeof body.apply_ms !== 'number' || !Number.isInteger(body.apply_ms) || body.apply_ms < 0 || body.apply_ms > 3_600_000))
            return send(res, 400, { error: 'apply_ms must be a whole number of milliseconds (0 to 3600000)' });
        if (body.fail !== undefined && typeof body.fail !== 'boolean')
            return send(res, 400, { error: 'fail must be true or false' });
        const now = agents.fault(id);
        agents.setFault(id, { ...now, ...(body.apply_ms !== undefined ? { applyMs: body.apply_ms } : {}), ...(body.fail !== undefined ? { fail: body.fail } : {}) });
        return send(res, 200, summary(id));
    };
}
//# sourceMappingURL=agentsControl.js.map