import { hintFor } from '../records/hints.js';
import { fileLocator } from '../records/fileLocator.js';
import { findingRow } from './fileRows.js';
import { compileChecks } from './compileChecks.js';
import { schemaSql } from './schemaSql.js';
import { durationMs, MAX_TIMER_MS } from '../records/duration.js';
export const FULL_SCOPE = { files: 'all', keys: new Set(), dependencies: true, checks: true };
const DEPENDENCY_RELS = [
    ['workload', 'depends_on'],
    ['task', 'depends'],
];
/**
 * `compile`: how check SQL is compiled (a rebuild passes answers it got while
 * parsing: startCheckCompiler.ts). `input`: the rows of a full check, held in
 * memory, instead of reading them from the cache.
 */
export function crossCheck(db, scope, readText, compile = compileChecks, input) {
    const locate = fileLocator(readText);
    const insert = db.prepare('INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const add = (f, origin, related = null) => {
        insert.run(findingRow(f, origin, related));
    };
    const full = scope.files === 'all' ? input : undefined;
    checkReferences(db, scope, locate, add, full);
    if (scope.dependencies)
        checkCycles(db, scope, locate, add, full);
    if (scope.checks)
        checkCheckSql(db, locate, add, compile);
}
const DANGLING = `
  SELECT e.src_kind, e.src_id, e.rel, e.dst_kind, e.dst_id, e.file, e.pointer, e.line, e.col,
         (SELECT state FROM files f WHERE f.kind = e.dst_kind AND f.record_id = e.dst_id AND f.state != 'ok' LIMIT 1) AS state
  FROM edges e
  WHERE NOT EXISTS (SELECT 1 FROM records r WHERE r.kind = e.dst_kind AND r.id = e.dst_id)`;
function checkReferences(db, scope, locate, add, input) {
    let rows;
    if (scope.files === 'all') {
        db.prepare(`DELETE FROM findings WHERE origin = 'ref'`).run();
        rows = input ? input.dangling() : db.prepare(DANGLING).all();
    }
    else {
        const files = new Set(scope.files);
        const byTarget = db.prepare('SELECT DISTINCT file FROM edges WHERE dst_kind = ? AND dst_id = ?').pluck();
        for (const key of scope.keys) {
            const i = key.indexOf(':');
            for (const f of byTarget.all(key.slice(0, i), key.slice(i + 1)))
                files.add(f);
        }
        const delFor = db.prepare(`DELETE FROM findings WHERE origin = 'ref' AND file = ?`);
        const danglingIn = db.prepare(`${DANGLING} AND e.file = ?`);
        rows = [];
        for (const f of files) {
            delFor.run(f);
            rows.push(...danglingIn.all(f));
        }
    }
    for (const e of rows) {
        const at = e.line !== null ? { line: e.line, col: e.col ?? 1 } : locate(e.file, e.pointer);
        const why = e.state === 'invalid' ? ', whose file has errors' : e.state === 'shadowed' ? ', whose file duplicates another id' : '';
        const target = e.dst_kind === 'task' ? `task ${e.dst_id}` : `${e.dst_kind} '${e.dst_id}'`;
        add({
            file: e.file,
            ...at,
            severity: 'warning',
            code: 'unknown-reference',
            message: `${e.src_kind} '${e.src_id}' refers to unknown ${target}${why} (${e.rel})`,
            hint: hintFor('unknown-reference'),
            kind: e.src_kind,
            id: e.src_id,
        }, 'ref', `${e.dst_kind}:${e.dst_id}`);
    }
}
/**
 * Dependency cycles, one error per strongly connected component. With a full
 * scope, over the whole graph; otherwise only the components through the
 * changed records, found from the part of the graph they reach.
 */
function checkCycles(db, scope, locate, add, input) {
    const stored = db.prepare(`SELECT rowid, related FROM findings WHERE origin = 'cycle'`).all();
    const dropWhere = (kind, hit) => {
        const del = db.prepare('DELETE FROM findings WHERE rowid = ?');
        for (const f of stored) {
            const [, k, members] = /^cycle:([^:]+):(.*)$/s.exec(f.related) ?? [];
            if (k === kind && JSON.parse(members ?? '[]').some(hit))
                del.run(f.rowid);
        }
    };
    for (const [kind, rel] of DEPENDENCY_RELS) {
        let edges;
        let roots = null;
        if (scope.files === 'all') {
            dropWhere(kind, () => true);
            edges = input ? input.dependencyEdges(kind, rel) : db.prepare(`SELECT src_id, dst_id, file, pointer, line, col FROM edges WHERE src_kind = @kind AND rel = @rel AND dst_kind = @kind ORDER BY src_id, ord`).all({ kind, rel });
        }
        else {
            roots = new Set([...scope.keys].filter((k) => k.startsWith(`${kind}:`)).map((k) => k.slice(kind.length + 1)));
            if (roots.size === 0)
                continue;
            dropWhere(kind, (m) => roots.has(m));
            edges = db
                .prepare(`WITH RECURSIVE reach(id) AS (
             SELECT value FROM json_each(@roots)
             UNION SELECT e.dst_id FROM reach r CROSS JOIN edges e ON e.src_kind = @kind AND e.src_id = r.id AND e.rel = @rel AND e.dst_kind = @kind)
           SELECT e.src_id, e.dst_id, e.file, e.pointer, e.line, e.col FROM reach r CROSS JOIN edges e
           ON e.src_kind = @kind AND e.src_id = r.id AND e.rel = @rel AND e.dst_kind = @kind ORDER BY e.src_id, e.ord`)
                .all({ kind, rel, roots: JSON.stringify([...roots]) });
        }
        const graph = new Map();
        for (const e of edges) {
            const list = graph.get(e.src_id);
            if (list)
                list.push(e.dst_id);
            else
                graph.set(e.src_id, [e.dst_id]);
        }
        for (const { cycle, members } of findCycles(graph)) {
            if (roots && !members.some((m) => roots.has(m)))
                continue;
            if (roots)
                dropWhere(kind, (m) => members.includes(m));
            const from = cycle[0];
            const to = cycle[1 % cycle.length];
            const e = edges.find((x) => x.src_id === from && x.dst_id === to);
            const at = e.line !== null ? { line: e.line, col: e.col ?? 1 } : locate(e.file, e.pointer);
            add({
                file: e.file,
                ...at,
                severity: 'error',
                code: 'dependency-cycle',
                message: `${kind} dependency cycle: ${[...cycle, from].join(' -> ')}`,
                hint: hintFor('dependency-cycle'),
                kind,
                id: from,
            }, 'cycle', `cycle:${kind}:${JSON.stringify([...members].sort())}`);
        }
    }
}
/**
 * Each strongly connected component with a cycle, as one cycle through it,
 * starting at its smallest id (so the same graph always reports the same
 * cycles). Iterative Tarjan: deep graphs do not overflow the stack.
 */
export function findCycles(graph) {
    const index = new Map();
    const low = new Map();
    const onStack = new Set();
    const stack = [];
    const out = [];
    let next = 0;
    const nodes = [...graph.keys()].sort();
    for (const start of nodes) {
        if (index.has(start))
            continue;
        const work = [{ v: start, i: 0 }];
        index.set(start, next);
        low.set(start, next++);
        stack.push(start);
        onStack.add(start);
        while (work.length > 0) {
            const frame = work[work.length - 1];
            const succ = graph.get(frame.v) ?? [];
            if (frame.i < succ.length) {
                const w = succ[frame.i++];
                if (!index.has(w)) {
                    index.set(w, next);
                    low.set(w, next++);
                    stack.push(w);
                    onStack.add(w);
                    work.push({ v: w, i: 0 });
                }
                else if (onStack.has(w)) {
                    low.set(frame.v, Math.min(low.get(frame.v), index.get(w)));
                }
                continue;
            }
            work.pop();
            if (work.length > 0) {
                const parent = work[work.length - 1].v;
                low.set(parent, Math.min(low.get(parent), low.get(frame.v)));
            }
            if (low.get(frame.v) === index.get(frame.v)) {
                const scc = [];
                let w;
                do {
                    w = stack.pop();
                    onStack.delete(w);
                    scc.push(w);
                } while (w !== frame.v);
                const selfLoop = scc.length === 1 && (graph.get(scc[0]) ?? []).includes(scc[0]);
                if (scc.length > 1 || selfLoop)
                    out.push({ cycle: cycleThrough(graph, new Set(scc)), members: scc.sort() });
            }
        }
    }
    return out.sort((a, b) => (a.cycle[0] < b.cycle[0] ? -1 : 1));
}
/** A simple cycle inside a strongly connected component, from its smallest member. */
function cycleThrough(graph, scc) {
    const start = [...scc].sort()[0];
    const prev = new Map();
    const queue = [start];
    const seen = new Set([start]);
    while (queue.length > 0) {
        const v = queue.shift();
        for (const w of [...(graph.get(v) ?? [])].sort()) {
            if (!scc.has(w))
                continue;
            if (w === start) {
                const path = [v];
                for (let p = prev.get(v); p !== undefined; p = prev.get(p))
                    path.push(p);
                return path.reverse();
            }
            if (!seen.has(w)) {
                seen.add(w);
                prev.set(w, v);
                queue.push(w);
            }
        }
    }
    return [start];
}
function checkCheckSql(db, locate, add, compile) {
    db.prepare(`DELETE FROM findings WHERE origin = 'check'`).run();
    const checks = db.prepare('SELECT c.id, c.sql, c.file, p.data AS policy FROM checks c JOIN policies p ON p.id = c.policy ORDER BY c.id').all();
    checkTimers(db, locate, add);
    if (checks.length === 0)
        return;
    // Check SQL is untrusted: it is compiled in a child process with a time limit, never here.
    const problems = compile(schemaSql(db), checks.map((c) => c.sql));
    for (const [i, c] of checks.entries()) {
        const problem = problems[i];
        if (!problem)
            continue;
        const index = JSON.parse(c.policy).checks.findIndex((x) => x.id === c.id);
        add({
            file: c.file,
            ...locate(c.file, `/checks/${index}/sql`),
            severity: 'error',
            code: problem.code,
            message: `check '${c.id}': ${problem.message}`,
            hint: hintFor(problem.code),
            kind: 'check',
            id: c.id,
        }, 'check');
    }
}
/** Durations used as timers: where each lives (policy kind, JSON pointers). */
const TIMERS = [
    ['checks', (d) => (Array.isArray(d.checks) ? d.checks.map((_, i) => `/checks/${i}/timeout`) : [])],
    ['modes', () => ['/probe_timeout', '/tick_deadline']],
];
/** A timer longer than MAX_TIMER_MS (a check `timeout: 30d`) is an error at its value; it is used capped. */
function checkTimers(db, locate, add) {
    const policies = db.prepare('SELECT id, kind, file, data FROM policies ORDER BY file').all();
    for (const p of policies) {
        const pointers = TIMERS.find(([kind]) => kind === p.kind)?.[1];
        if (!pointers)
            continue;
        const data = JSON.parse(p.data);
        for (const pointer of pointers(data)) {
            const value = pointer.split('/').slice(1).reduce((v, k) => (v && typeof v === 'object' ? v[k] : undefined), data);
            const ms = typeof value === 'string' ? durationMs(value) : null;
            if (ms === null || ms <= MAX_TIMER_MS)
                continue;
            const id = pointer.startsWith('/checks/') ? (data.checks[Number(pointer.split('/')[2])]?.id ?? p.id) : p.id;
            add({
                file: p.file,
                ...locate(p.file, pointer),
                severity: 'error',
                code: 'duration-too-long',
                message: `'${pointer.slice(1).replace(/\//g, '.')}' is ${String(value)}, longer than the maximum of 1h for a time limit; it is used as 1h`,
                hint: hintFor('duration-too-long'),
                kind: pointer.startsWith('/checks/') ? 'check' : 'policy',
                id,
            }, 'check');
        }
    }
}
//# sourceMappingURL=crossCheck.js.map