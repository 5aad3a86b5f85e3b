/**
 * Drain sequence (reference 004, "Drain Sequence"): waves move off `from_host` in
 * order. Per wave: how many of its workloads are off the host (moved elsewhere,
 * or retired in place: a retired workload no longer needs to move), how many
 * remain, and whether it is done; the next wave to work on is the first not done.
 * A wave without workloads (the phoenix) is done when its task is done.
 * `drain-order` error: a workload of a later wave whose `host` already changed
 * while an earlier wave still has workloads on `from_host` — pointing at that
 * workload's `/host`. Retiring in place is not a move, so it is never out of
 * order; an unknown workload id counts as remaining (validation reports it).
 * A wave marked `last: true` (OpenBao and identity, which everything
 * authenticates through) moves no earlier than any other workload: a later wave
 * that still lists workloads contradicts it — `drain-last-wave-not-last`, an
 * error at that wave's `/waves/<i>/last` in the policy file. Pure.
 */
import type { DrainSequencePolicy, DrainWave, PolicyWorkload } from './policyData.js';
import type { Unlocated } from '../records/finding.js';

export type WaveStatus = 'done' | 'in progress' | 'waiting';

export interface WaveProgress {
  wave: number;
  title: string;
  task?: string;
  /** The task's box state (todo, doing, done, blocked, cancelled), when known. */
  taskState?: string;
  total: number;
  /** Off `from_host`: moved to another host, or retired. */
  moved: number;
  remaining: number;
  /** Workload ids still on `from_host`. */
  remainingIds: string[];
  done: boolean;
  status: WaveStatus;
}

export interface DrainProgress {
  policy: DrainSequencePolicy;
  waves: WaveProgress[];
  /** The first wave not done, or null when the drain is complete. */
  next: WaveProgress | null;
  findings: Unlocated[];
}

export function evaluateDrainSequence(policy: DrainSequencePolicy, workloads: ReadonlyMap<string, PolicyWorkload>, taskStates: ReadonlyMap<string, string> = new Map()): DrainProgress {
  const from = policy.from_host;
  const ordered = policy.waves.map((w, i) => ({ w, i })).sort((a, b) => a.w.wave - b.w.wave || a.i - b.i).map((x) => x.w);
  const moved = (id: string): boolean => hasMoved(workloads.get(id), from);
  const drained = (id: string): boolean => moved(id) || workloads.get(id)?.stage === 'retired';
  const waves = ordered.map((w) => progress(w, drained, taskStates));
  const findings: Unlocated[] = [];
  waves.forEach((wave, i) => {
    const blocking = waves.slice(0, i).filter((e) => e.remaining > 0);
    if (blocking.length === 0) return;
    const earlier = blocking.map((e) => `wave ${e.wave} (${e.title}) still has ${e.remainingIds.join(', ')}`).join('; ');
    for (const id of ordered[i]!.workloads ?? []) {
      const w = workloads.get(id);
      if (!w || !moved(id)) continue;
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
    if (w.last !== true) return;
    const after = policy.waves.filter((o) => o.wave > w.wave && (o.workloads ?? []).length > 0);
    if (after.length === 0) return;
    findings.push({
      code: 'drain-last-wave-not-last',
      severity: 'error',
      kind: 'policy', id: policy.id,
      message: `wave ${w.wave} (${w.title}) of ${policy.id} is marked last, but ${after.map((o) => `wave ${o.wave} (${o.title}) moves ${o.workloads!.join(', ')}`).join('; ')} after it`,
      file: policy.file,
      pointer: `/waves/${i}/last`,
    });
  });
  return { policy, waves, next: waves.find((w) => !w.done) ?? null, findings };
}

/** Moved: placed on a host other than `from_host` (a workload without a host has not been placed anywhere yet). */
function hasMoved(w: PolicyWorkload | undefined, from: string): boolean {
  return w !== undefined && w.host !== undefined && w.host !== from;
}

function progress(w: DrainWave, drained: (id: string) => boolean, taskStates: ReadonlyMap<string, string>): WaveProgress {
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
