/**
 * status/modes.json: each node's mode, since when, last verified time and
 * hysteresis counters — the state that must survive between runs (a scheduled
 * CI run starts from a fresh checkout). Parsing and rendering are pure; the
 * rendering is deterministic, so an unchanged fleet gives unchanged bytes.
 */
import type { Mode, ModeState } from './modeState.js';

export const MODES_FILE = 'status/modes.json';

const MODES: readonly Mode[] = ['ACTIVE', 'DEGRADED', 'DISABLED', 'PLANNED', 'UNKNOWN'];

export function parseModesFile(text: string | null): Map<string, ModeState> {
  const out = new Map<string, ModeState>();
  if (!text) return out;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return out;
  }
  const nodes = (doc as { nodes?: Record<string, Partial<ModeState>> } | null)?.nodes;
  if (!nodes || typeof nodes !== 'object') return out;
  for (const [id, s] of Object.entries(nodes)) {
    if (!s || !MODES.includes(s.mode as Mode)) continue;
    out.set(id, {
      mode: s.mode as Mode,
      since: typeof s.since === 'string' ? s.since : null,
      last_verified: typeof s.last_verified === 'string' ? s.last_verified : null,
      failures: Number.isInteger(s.failures) ? (s.failures as number) : 0,
      passes: Number.isInteger(s.passes) ? (s.passes as number) : 0,
      reason: typeof s.reason === 'string' ? s.reason : '',
    });
  }
  return out;
}

/** One line per node, in id order: small, and a change shows in a diff as the lines of the nodes it touched. */
export function renderModesFile(states: Map<string, ModeState>): string {
  const lines = [...states.keys()].sort().map((id) => {
    const s = states.get(id)!;
    return `    ${JSON.stringify(id)}: ${JSON.stringify({ mode: s.mode, since: s.since, last_verified: s.last_verified, failures: s.failures, passes: s.passes, reason: s.reason })}`;
  });
  return `{\n  "generated_by": "fleethub",\n  "nodes": {${lines.length ? `\n${lines.join(',\n')}\n  ` : ''}}\n}\n`;
}

/**
 * The states to write: a last-verified time that moved by less than the
 * refresh interval is written as it was, so a steady fleet does not produce
 * a new commit on every run.
 */
export function statesToPersist(previous: Map<string, ModeState>, next: Map<string, ModeState>, refreshMs: number): Map<string, ModeState> {
  const out = new Map<string, ModeState>();
  for (const [id, s] of next) {
    const before = previous.get(id);
    const moved = before?.last_verified === s.last_verified ? 0 : before?.last_verified && s.last_verified ? Date.parse(s.last_verified) - Date.parse(before.last_verified) : Infinity;
    out.set(id, moved < refreshMs ? { ...s, last_verified: before!.last_verified } : s);
  }
  return out;
}
