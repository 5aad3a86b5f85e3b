const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const open = (t) => t !== undefined && t.state !== 'done' && t.state !== 'cancelled';
/** Workplan id → the task keys of its critical path, first task first ([] when nothing is open). */
export function criticalPaths(graph) {
    // Integer indices in key order: visiting in that order and scanning sorted dependencies breaks ties by key.
    const keys = [...graph.tasks.keys()].filter((k) => open(graph.tasks.get(k))).sort(cmp);
    const index = new Map(keys.map((k, i) => [k, i]));
    const deps = keys.map((k) => graph.tasks.get(k).depends.map((d) => index.get(d)).filter((i) => i !== undefined).sort((a, b) => a - b));
    const length = new Int32Array(keys.length); // 0: not computed yet
    const previous = new Int32Array(keys.length).fill(-1);
    const onStack = new Uint8Array(keys.length);
    const stack = [];
    const next = [];
    for (let start = 0; start < keys.length; start++) {
        if (length[start] !== 0)
            continue;
        stack.push(start);
        next.push(0);
        onStack[start] = 1;
        while (stack.length > 0) {
            const top = stack[stack.length - 1];
            const mine = deps[top];
            const i = next[next.length - 1];
            if (i < mine.length) {
                next[next.length - 1] = i + 1;
                const dep = mine[i];
                if (length[dep] === 0 && onStack[dep] === 0) {
                    stack.push(dep);
                    next.push(0);
                    onStack[dep] = 1;
                }
                continue;
            }
            let best = 0;
            for (const dep of mine) {
                // Not computed yet means on the stack: a cycle, whose edge back is ignored.
                if (length[dep] > best) {
                    best = length[dep];
                    previous[top] = dep;
                }
            }
            length[top] = best + 1;
            onStack[top] = 0;
            stack.pop();
            next.pop();
        }
    }
    const out = new Map();
    for (const wp of graph.workplans) {
        let end = -1;
        for (const k of wp.tasks) {
            const i = index.get(k);
            if (i !== undefined && (end === -1 || length[i] > length[end] || (length[i] === length[end] && i < end)))
                end = i;
        }
        const path = [];
        const seen = new Set();
        for (let i = end; i !== -1 && !seen.has(i); i = previous[i]) {
            seen.add(i);
            path.push(keys[i]);
        }
        out.set(wp.id, path.reverse());
    }
    return out;
}
//# sourceMappingURL=criticalPaths.js.map