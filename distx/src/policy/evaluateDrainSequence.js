export function evaluateDrainSequence(policy, workloads, taskStates = new Map()) {
    const from = policy.from_host;
    const ordered = policy.waves.map((w, i) => ({ w, i })).sort((a, b) => a.w.wave - b.w.wave || a.i - b.i).map((x) => x.w);
    const moved = (id) => hasMoved(workloads.get(id), from);
    const drained = (id) => moved(id) || workloads.get(id)?.stage === 'retired';
    const waves = ordered.map((w) => progress(w, drained, taskStates));
    const findings = [];
    waves.forEach((wave, i) => {
        const blocking = waves.slice(0, i).filter((e) => e.remaining > 0);
        if (blocking.length === 0)
            return;
        const earlier = blocking.map((e) => `wave ${e.wave} (${e.title}) still has ${e.remainingIds.join(', ')}`).join('; ');
        for (const id of ordered[i].workloads ?? []) {
            const w = workloads.get(id);
            if (!w || !moved(id))
                continue;
            findings.push({
                code: 'drain-order',
                severity: 'error',
                kind: 'workload', id: id,
                message: `${id} (wave ${wave.wave}: ${wave.title}) has moved off ${from} to ${w.host ?? '(no host)'} before the earlier waves of ${policy.id}: ${earlier} on ${from}`,
                file: w.file,
                pointer: '/host',
            });
        }
    });
    policy.waves.forEach((w, i) => {
        if (w.last !== true)
            return;
        const after = policy.waves.filter((o) => o.wave > w.wave && (o.workloads ?? []).length > 0);
        if (after.length === 0)
            return;
        findings.push({
            code: 'drain-last-wave-not-last',
            severity: 'error',
            kind: 'policy', id: policy.id,
            message: `wave ${w.wave} (${w.title}) of ${policy.id} is marked last, but ${after.map((o) => `wave ${o.wave} (${o.title}) moves ${o.workloads.join(', ')}`).join('; ')} after it`,
            file: policy.file,
            pointer: `/waves/${i}/last`,
        });
    });
    return { policy, waves, next: waves.find((w) => !w.done) ?? null, findings };
}
/** Moved: placed on a host other than `from_host` (a workload without a host has not been placed anywhere yet). */
function hasMoved(w, from) {
    return w !== undefined && w.host !== undefined && w.host !== from;
}
function progress(w, drained, taskStates) {
    const ids = w.workloads ?? [];
    const remainingIds = ids.filter((id) => !drained(id));
    const taskState = w.task ? taskStates.get(w.task) : undefined;
    const total = ids.length;
    const movedCount = total - remainingIds.length;
    const done = total > 0 ? remainingIds.length === 0 : taskState === 'done';
    const started = (total > 0 && movedCount > 0) || taskState === 'doing';
    return {
        wave: w.wave,
        title: w.title,
        ...(w.task ? { task: w.task } : {}),
        ...(taskState ? { taskState } : {}),
        total,
        moved: movedCount,
        remaining: remainingIds.length,
        remainingIds,
        done,
        status: done ? 'done' : started ? 'in progress' : 'waiting',
    };
}
//# sourceMappingURL=evaluateDrainSequence.js.map