/**
 * Runs the hub's evaluations one at a time and folds the requests that arrive
 * meanwhile into the next one: changed paths are collected, a full rescan
 * absorbs them, a probe request is kept. Each evaluation is published to the
 * state, a save's first phase (the records refreshed, findings evaluating)
 * too. A failed evaluation is logged (and retried by the next request),
 * never ends the hub.
 */
import type { HubEvaluation, HubEvaluationRequest } from './evaluateHub.js';
import type { HubState } from './hubState.js';

export interface RefreshRequest {
  /** Paths the watcher saw change; absent with `full`. */
  paths?: string[];
  full?: boolean;
  probe?: boolean;
}

export interface HubRefresher {
  request(r: RefreshRequest): Promise<void>;
  /** Resolves when nothing is running or waiting. */
  idle(): Promise<void>;
}

export function hubRefresher(state: HubState, evaluate: (r: HubEvaluationRequest, early: (e: HubEvaluation) => void) => Promise<HubEvaluation>, allowRemote: boolean, onError: (e: unknown) => void): HubRefresher {
  let waiting: { paths: Set<string>; full: boolean; probe: boolean } | null = null;
  let waiters: Array<() => void> = [];
  let running: Promise<void> | null = null;

  const loop = async (): Promise<void> => {
    while (waiting) {
      const next = waiting;
      const done = waiters;
      waiting = null;
      waiters = [];
      try {
        state.publish(await evaluate({ ...(next.full ? {} : { paths: [...next.paths] }), probe: next.probe, allowRemote }, (first) => state.publish(first)));
      } catch (e) {
        onError(e);
      }
      for (const d of done) d();
    }
    running = null;
  };

  return {
    request(r) {
      waiting ??= { paths: new Set(), full: false, probe: false };
      if (r.full || !r.paths) waiting.full = true;
      else for (const p of r.paths) waiting.paths.add(p);
      if (r.probe) waiting.probe = true;
      const settled = new Promise<void>((resolve) => waiters.push(resolve));
      running ??= loop();
      return settled;
    },
    async idle() {
      while (running) await running;
    },
  };
}
