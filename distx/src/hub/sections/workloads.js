export function workloads(input) {
    const { run } = input;
    return run.workloads.map((w) => {
        const mode = w.host ? (run.states.get(w.host)?.mode ?? null) : null;
        return { id: w.id, title: w.title, kind: w.kind, host: w.host, host_mode: mode, usable: mode === 'ACTIVE', target_host: w.target_host, stage: w.stage, target_stage: w.target_stage, owner: w.owner, critical: w.critical, via: w.via, listeners: w.listeners };
    });
}
//# sourceMappingURL=workloads.js.map