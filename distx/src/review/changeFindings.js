const SHOWN = 5;
export function changeFindings({ records, before, after, locate, readText }) {
    const out = [];
    for (const r of records) {
        if (!r.from || !r.to)
            continue; // added or removed: nothing to compare with
        if (r.kind === 'intent') {
            const version = r.fields.find((f) => f.path === '/version');
            if (version && typeof version.old === 'number' && typeof version.new === 'number' && version.new < version.old) {
                out.push({ code: 'intent-version-lowered', severity: 'error', kind: 'intent', id: r.id, file: r.to, ...locate(r.to, '/version'), message: `intent ${r.id}'s version went down from ${version.old} to ${version.new}` });
            }
            const was = new Set(before.targets.get(r.fromId ?? r.id) ?? []);
            const gained = (after.targets.get(r.id) ?? []).filter((n) => !was.has(n));
            if (was.size > 0 && gained.length > 0) {
                const names = gained.slice(0, SHOWN).join(', ') + (gained.length > SHOWN ? `, … (${gained.length - SHOWN} more)` : '');
                out.push({ code: 'intent-target-widened', severity: 'warning', kind: 'intent', id: r.id, file: r.to, ...locate(r.to, '/target'), message: `intent ${r.id} now targets ${gained.length} node(s) it did not before: ${names}` });
            }
        }
        if (r.kind === 'workplan') {
            for (const f of r.fields) {
                // One entry gone (/tasks/T02/depends/T01), or the whole list (/tasks/T02/depends, when no dependency is left).
                const m = /^\/tasks\/([^/]+)\/depends(\/[^/]+)?$/.exec(f.path);
                if (!m || !('old' in f) || 'new' in f)
                    continue;
                if (r.fields.some((g) => g.path === `/tasks/${m[1]}` && !('new' in g)))
                    continue; // the task itself was removed
                const task = unescape(m[1]);
                for (const dep of m[2] === undefined ? (Array.isArray(f.old) ? f.old : []) : [f.old]) {
                    out.push({ code: 'task-dependency-removed', severity: 'warning', kind: 'task', id: `${r.id}/${task}`, file: r.to, ...taskLine(readText(r.to), task), message: `task ${r.id}/${task} no longer depends on ${String(dep)}` });
                }
            }
        }
    }
    return out;
}
/** The position of a task's id on its line ('- [ ] T04 ...'), or the file's start. */
function taskLine(text, task) {
    const lines = (text ?? '').split('\n');
    for (let i = 0; i < lines.length; i++) {
        const m = /^(\s*[-*+] \[.\] )(\S+)/.exec(lines[i]);
        if (m && m[2] === task)
            return { line: i + 1, col: m[1].length + 1 };
    }
    return { line: 1, col: 1 };
}
const unescape = (segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~');
//# sourceMappingURL=changeFindings.js.map