/**
 * Policy step: the freeze (policies of kind `freeze`). Judges each placement on a
 * frozen host by the freeze's legacy inventory and exceptions, and Git history
 * (evaluateFreeze.ts); reports violations as errors (at the `host` or
 * `target_host` key) and a missing history, when a placement needed it, as a
 * warning; and adds the data of the board's Freeze section (rendered by
 * src/report/freezeSection.ts): per frozen host, its entry and its results.
 */
import { cacheMemo } from '../../cache/cacheMemo.js';
import { fileLocator } from '../../records/fileLocator.js';
import { evaluateFreeze } from '../../policy/evaluateFreeze.js';
export async function freeze(ctx) {
    const db = ctx.db;
    const rows = db.prepare(`SELECT id, file, data FROM policies WHERE kind = 'freeze' ORDER BY id`).all();
    const policies = rows.map((r) => ({ row: r, policy: toPolicy(r) })).filter((p) => p.policy.frozen.length > 0);
    if (policies.length === 0)
        return;
    const workloads = db.prepare('SELECT id, file, host, target_host, stage FROM workloads ORDER BY id').all();
    const frozen = new Set(policies.flatMap((p) => p.policy.frozen.map((e) => e.host)));
    // Only placements on frozen hosts need dating.
    const files = workloads.filter((w) => frozen.has(w.host ?? '') || frozen.has(w.target_host ?? '')).map((w) => w.file);
    const history = await ctx.io.placementHistory(files, cacheMemo(db));
    const locate = fileLocator(ctx.io.readText, { store: cacheMemo(db), name: 'positions:freeze' });
    const hosts = [];
    let fallback = false;
    for (const { row, policy } of policies) {
        const results = evaluateFreeze(policy, workloads, history, ctx.now);
        for (const r of results) {
            if (r.code === 'freeze-violation') {
                const at = locate(r.file, r.pointer, true);
                ctx.findings.push({ code: r.code, severity: 'error', kind: 'workload', id: r.workload, message: r.message, file: r.file, line: at.line, col: at.col });
            }
            else if (r.code === 'freeze-no-history') {
                fallback = true;
                const data = JSON.parse(row.data);
                const at = locate(row.file, 'without_history' in data ? '/without_history' : '/frozen', true);
                ctx.findings.push({ code: r.code, severity: 'warning', kind: 'policy', id: row.id, message: r.message, file: row.file, line: at.line, col: at.col });
            }
        }
        hosts.push(...policy.frozen.map((entry) => ({ entry, results: results.filter((r) => r.host === entry.host && r.since === entry.since) })));
    }
    locate.save();
    ctx.boardSections.push({ kind: 'freeze', hosts, missing: fallback && !history.available ? { reason: history.reason, rules: policies.map((p) => p.policy.without_history ?? 'grandfather') } : null });
}
function toPolicy(row) {
    const data = JSON.parse(row.data);
    const frozen = (Array.isArray(data.frozen) ? data.frozen : []).filter((e) => typeof e === 'object' && e !== null && typeof e.host === 'string' && typeof e.since === 'string');
    return { id: row.id, frozen, ...(data.without_history === 'violation' || data.without_history === 'grandfather' ? { without_history: data.without_history } : {}) };
}
//# sourceMappingURL=freeze.js.map