export function workplans(input) {
    const ev = input.workplans;
    return ev.graph.workplans.map((w) => {
        const r = ev.readiness.workplans.get(w.id);
        const tasks = w.tasks.map((k) => {
            const t = ev.graph.tasks.get(k);
            return {
                key: k,
                id: t.id,
                title: t.title,
                state: t.state,
                readiness: ev.readiness.tasks.get(k).readiness,
                owner: t.owner,
                depends: t.depends,
                verdict: ev.verification.tasks.get(k).verdict,
                line: t.line,
                ...(t.overlay === 'pending' ? { pending: true } : t.overlay === 'upstream' ? { upstream: true } : {}),
            };
        });
        return {
            id: w.id,
            title: w.title,
            status: w.status,
            owner: w.owner,
            file: w.file,
            progress: { done: r.done, total: r.total, cancelled: r.cancelled },
            ready: r.ready,
            blocked: r.blocked,
            critical_path: r.criticalPath,
            tasks,
            ...(tasks.some((t) => t.pending) ? { pending: true } : {}),
        };
    });
}
//# sourceMappingURL=workplans.js.map