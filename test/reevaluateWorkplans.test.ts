/**
 * reevaluateWorkplans (the hub's first phase after a workplan save): readiness
 * and critical paths computed again only for the workplans a change can reach
 * give what a full evaluation gives — for any acyclic graph and any edit of
 * some workplans (states flipped, dependencies changed, tasks added and
 * removed, a workplan gone or new), dependencies across workplans and on
 * unknown tasks included — and only those workplans are computed again.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { CheckResult } from '../src/checks/checkResult.js';
import type { WorkplanEvaluation } from '../src/workplans/evaluateWorkplans.js';
import { readiness } from '../src/workplans/readiness.js';
import { reevaluateWorkplans } from '../src/workplans/reevaluateWorkplans.js';
import { verifyDoneWhen } from '../src/workplans/verifyDoneWhen.js';
import type { GraphTask, GraphWorkplan, TaskState, WorkplanGraph } from '../src/workplans/workplanGraph.js';

const WPS = ['A', 'B', 'C', 'D'];
const STATES: TaskState[] = ['todo', 'doing', 'done', 'cancelled', 'blocked'];
const KEYS = WPS.flatMap((w) => [0, 1, 2, 3].map((t) => `${w}/T${t}`));

/** A workplan's tasks: which of T0..T3 exist, their states, dependencies on keys before theirs (acyclic) or unknown ones, done-when checks. */
const plan = fc.array(fc.record({ present: fc.boolean(), state: fc.constantFrom(...STATES), depends: fc.uniqueArray(fc.nat({ max: KEYS.length }), { maxLength: 3 }), check: fc.constantFrom(null, 'c1', 'c2') }), { minLength: 4, maxLength: 4 });

function tasksOf(wi: number, spec: Array<{ present: boolean; state: TaskState; depends: number[]; check: string | null }>): GraphTask[] {
  return spec.flatMap((t, ti) => {
    const me = wi * 4 + ti;
    if (!t.present) return [];
    // Only keys before this one (acyclic), or one that is never a task.
    const depends = t.depends.map((d) => (d < me ? KEYS[d]! : d === KEYS.length ? 'Z/UNKNOWN' : null)).filter((d): d is string => d !== null);
    return [{ key: KEYS[me]!, workplan: WPS[wi]!, id: `T${ti}`, title: `task ${ti}`, state: t.state, owner: null, depends, doneWhen: t.check ? [t.check] : [], file: `workplans/${WPS[wi]}.md`, line: ti + 5, col: 7 }];
  });
}

function graphOf(tasks: Map<string, GraphTask[]>): WorkplanGraph {
  const workplans: GraphWorkplan[] = [...tasks.keys()].sort().map((id) => ({ id, title: id, status: 'active', owner: null, file: `workplans/${id}.md`, tasks: tasks.get(id)!.map((t) => t.key) }));
  return { workplans, tasks: new Map(workplans.flatMap((w) => tasks.get(w.id)!.map((t) => [t.key, t] as const))) };
}

const full = (graph: WorkplanGraph, results: ReadonlyMap<string, CheckResult>): WorkplanEvaluation => {
  const ready = readiness(graph);
  return { graph, readiness: ready, verification: verifyDoneWhen(graph.tasks.values(), results, ready.tasks), checksRan: results.size > 0 };
};
const plain = (e: WorkplanEvaluation): unknown => ({ tasks: [...e.readiness.tasks.entries()], workplans: [...e.readiness.workplans.entries()], verification: [...e.verification.tasks.entries()], findings: e.verification.findings, checksRan: e.checksRan });

describe('reevaluateWorkplans', () => {
  it('equals a full evaluation after any edit of some workplans, computing again only the workplans the change reaches', () => {
    const results = new Map<string, CheckResult>([['c1', { status: 'pass', message: 'ok' } as CheckResult], ['c2', { status: 'fail', message: 'no' } as CheckResult]]);
    fc.assert(
      fc.property(fc.array(fc.option(plan, { nil: null }), { minLength: 4, maxLength: 4 }), fc.array(fc.option(plan, { nil: null }), { minLength: 4, maxLength: 4 }), fc.uniqueArray(fc.nat({ max: 3 }), { minLength: 1, maxLength: 2 }), (before, edited, savedIdx) => {
        const old = new Map<string, GraphTask[]>();
        before.forEach((spec, wi) => spec && old.set(WPS[wi]!, tasksOf(wi, spec)));
        const saved = new Set(savedIdx.map((i) => WPS[i]!));
        // The saved workplans as edited (or gone), the others the very tasks they were.
        const now = new Map<string, GraphTask[]>();
        WPS.forEach((w, wi) => {
          if (saved.has(w)) {
            if (edited[wi]) now.set(w, tasksOf(wi, edited[wi]!));
          } else if (old.has(w)) now.set(w, old.get(w)!);
        });
        const previousGraph = graphOf(old);
        const graph = graphOf(now);
        const previous = full(previousGraph, results);
        const changed = new Set([...saved].flatMap((w) => [...(old.get(w) ?? []), ...(now.get(w) ?? [])].map((t) => t.key)));
        const got = reevaluateWorkplans(previous, graph, changed, results);
        assert.deepEqual(plain(got.evaluation), plain(full(graph, results)));
        assert.equal(got.evaluation.graph, graph);
        // Computed again: the saved workplans still there, and those with a task downstream of a changed one; never one the change cannot reach.
        for (const w of saved) if (now.has(w) && now.get(w)!.length > 0) assert.ok(got.workplans.includes(w), `saved workplan ${w} computed again`);
        for (const w of got.workplans) {
          const reach = (k: string, seen = new Set<string>()): boolean => changed.has(k) || (!seen.has(k) && (seen.add(k), (graph.tasks.get(k)?.depends ?? []).some((d) => reach(d, seen))));
          assert.ok(saved.has(w) || graph.workplans.find((x) => x.id === w)!.tasks.some((k) => reach(k)), `workplan ${w} is reached by the change`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('equals a full evaluation after states changed within open (todo, doing, blocked) or closed (done, cancelled): the critical paths kept, readiness carried only as far as it changes', () => {
    const results = new Map<string, CheckResult>([['c1', { status: 'pass', message: 'ok' } as CheckResult]]);
    const OPEN: TaskState[] = ['todo', 'doing', 'blocked'];
    const CLOSED: TaskState[] = ['done', 'cancelled'];
    fc.assert(
      fc.property(fc.array(plan, { minLength: 4, maxLength: 4 }), fc.array(fc.nat(), { minLength: 16, maxLength: 16 }), fc.uniqueArray(fc.nat({ max: 3 }), { minLength: 1, maxLength: 2 }), (before, picks, savedIdx) => {
        const old = new Map<string, GraphTask[]>(before.map((spec, wi) => [WPS[wi]!, tasksOf(wi, spec)] as const));
        const saved = new Set(savedIdx.map((i) => WPS[i]!));
        const now = new Map<string, GraphTask[]>(
          [...old].map(([w, tasks]) => [w, saved.has(w) ? tasks.map((t, i) => {
            const same = OPEN.includes(t.state) ? OPEN : CLOSED;
            return { ...t, state: same[picks[(WPS.indexOf(w) * 4 + i) % 16]! % same.length]! };
          }) : tasks] as const),
        );
        const graph = graphOf(now);
        const changed = new Set([...saved].flatMap((w) => now.get(w)!.map((t) => t.key)));
        const got = reevaluateWorkplans(full(graphOf(old), results), graph, changed, results);
        assert.deepEqual(plain(got.evaluation), plain(full(graph, results)));
      }),
      { numRuns: 500 },
    );
  });
});
