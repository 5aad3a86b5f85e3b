/**
 * Step 6: apply the changes. With --write, the changed artifacts are written
 * to the working tree; with --push, they become outbox events (status/modes.json
 * as the nodes whose entries changed, the other generated files whole) to be
 * relayed upstream; without either, each change is reported as drift.
 */
import { MODES_FILE } from '../../evaluate/modesFile.js';
import { textHash } from '../../records/textHash.js';
export async function apply(ctx) {
    if (ctx.options.push) {
        if (ctx.changes.length > 0)
            ctx.recorded = await ctx.io.record(ctx.changes.map((c) => eventFor(ctx, c.path)));
        return;
    }
    for (const change of ctx.changes) {
        const artifact = ctx.artifacts.find((a) => a.path === change.path);
        if (ctx.options.write) {
            ctx.io.writeText(change.path, artifact.text);
            continue;
        }
        ctx.findings.push({
            code: 'generated-drift',
            severity: 'warning',
            message: change.action === 'create' ? `${change.path} does not exist yet; run fleethub reconcile --write` : `${change.path} no longer matches what the files produce; run fleethub reconcile --write`,
            file: change.path,
            line: 1,
            col: 1,
        });
    }
}
/** Each event names what it was computed from (its base), so a change another reconcile superseded meanwhile is not replayed over it (src/relay/applyEvent.ts). */
function eventFor(ctx, path) {
    if (path !== MODES_FILE)
        return { type: 'status.file', payload: { path, text: ctx.artifacts.find((a) => a.path === path).text, base: textHash(ctx.readGenerated(path)) } };
    const nodes = {};
    for (const [id, s] of ctx.persisted)
        if (JSON.stringify(ctx.previous.get(id)) !== JSON.stringify(s))
            nodes[id] = s;
    const remove = [...ctx.previous.keys()].filter((id) => !ctx.persisted.has(id));
    const base = Object.fromEntries([...Object.keys(nodes), ...remove].map((id) => [id, ctx.previous.get(id) ?? null]));
    return { type: 'status.modes', payload: { nodes, ...(remove.length > 0 ? { remove } : {}), base } };
}
//# sourceMappingURL=apply.js.map