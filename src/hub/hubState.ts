/**
 * The hub's current snapshot and the recent changes to it, for the API and
 * for server-sent events. `publish` compares each new section with the one it
 * replaces: when none changed, nothing happens (the revision stays); otherwise
 * the revision grows by one, the change (only the sections that changed) is
 * kept for replay, and every subscriber is told. Pure apart from the
 * subscribers it calls.
 */
import type { HubEvaluation } from './evaluateHub.js';
import type { HubSnapshot } from './hubSnapshot.js';

export interface HubChange {
  revision: number;
  sections: Record<string, unknown>;
}

export interface HubState {
  /** Null until the first evaluation is published. */
  snapshot(): HubSnapshot | null;
  publish(evaluation: HubEvaluation): HubChange | null;
  /** The changes after `revision`, in order; null when they are no longer kept (or `revision` is not one this hub gave out): the client must start again from the snapshot. */
  since(revision: number): HubChange[] | null;
  subscribe(listener: (change: HubChange) => void): () => void;
  /** `JSON.stringify(change)`; for the latest change, composed from the section texts already made to compare them (a large change is serialised once, not once more per client). */
  textOf(change: HubChange): string;
}

/**
 * `first`: the first revision. The hub passes the start time in milliseconds,
 * so revisions keep growing across restarts and a browser's Last-Event-ID from
 * an earlier run is too old (a reset), never replayed against the wrong base.
 * `keep`: how many changes are kept for replay (Last-Event-ID).
 */
export function hubState(first: number, keep = 500): HubState {
  let current: HubSnapshot | null = null;
  /** Each section's JSON text, to compare without walking the data again. */
  let texts = new Map<string, string>();
  const history: HubChange[] = [];
  const listeners = new Set<(change: HubChange) => void>();
  /** The latest change's text only: the history keeps the changes, not their text. */
  let latest: { change: HubChange; text: string } | null = null;
  return {
    snapshot: () => current,
    publish(evaluation) {
      // A section handed on as the very object published before (a save's first phase) is not walked again.
      const nextTexts = new Map(Object.entries(evaluation.sections).map(([k, v]) => [k, current && current.sections[k] === v ? texts.get(k)! : JSON.stringify(v)] as const));
      const changed: Record<string, unknown> = {};
      for (const [name, text] of nextTexts) if (texts.get(name) !== text) changed[name] = evaluation.sections[name];
      const removed = [...texts.keys()].filter((k) => !nextTexts.has(k));
      for (const name of removed) changed[name] = null;
      if (current && Object.keys(changed).length === 0) return null;
      const revision = current ? current.revision + 1 : first;
      current = { revision, generatedAt: evaluation.generatedAt, sections: evaluation.sections };
      texts = nextTexts;
      const change = { revision, sections: changed };
      // The same bytes JSON.stringify(change) gives: the keys in the same order, each value's text as compared (a removed section: null).
      latest = { change, text: `{"revision":${revision},"sections":{${Object.keys(changed).map((k) => `${JSON.stringify(k)}:${nextTexts.get(k) ?? 'null'}`).join(',')}}}` };
      history.push(change);
      if (history.length > keep) history.shift();
      for (const l of listeners) l(change);
      return change;
    },
    since(revision) {
      if (!current || !Number.isInteger(revision) || revision < 0 || revision > current.revision) return null;
      if (revision === current.revision) return [];
      if (revision < history[0]!.revision - 1) return null;
      return history.filter((c) => c.revision > revision);
    },
    textOf(change) {
      return latest?.change === change ? latest.text : JSON.stringify(change);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
