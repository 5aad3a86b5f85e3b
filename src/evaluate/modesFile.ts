/**
 * status/modes.json: each node's mode, since when, last verified time and
 * hysteresis counters — the state that must survive between runs (a scheduled
 * CI run starts from a fresh checkout). Parsing and rendering are pure; the
 * rendering is deterministic, so an unchanged fleet gives unchanged bytes.
 */
import { jsonSyntaxError } from '../records/jsonSyntaxError.js';
import { lineColumn } from '../records/lineColumn.js';
import type { Mode, ModeState } from './modeState.js';

export const MODES_FILE = 'status/modes.json';

const MODES: readonly Mode[] = ['ACTIVE', 'DEGRADED', 'DISABLED', 'PLANNED', 'UNKNOWN'];

/** Why status/modes.json, or one node's entry in it, cannot be read; 1-based position. */
export interface ModesFileProblem {
  message: string;
  line: number;
  col: number;
  /** The node whose entry is unreadable; absent when the whole file is. */
  node?: string;
}

/**
 * The states in status/modes.json, and what in it could not be read: an
 * unreadable file (not JSON, no `nodes` object: a merge conflict, a truncated
 * write) gives no states and one problem; an unreadable entry leaves that node
 * out (its previous state unknown) with a problem at its line. Never silent.
 */
export function parseModesFile(text: string | null): { states: Map<string, ModeState>; problems: ModesFileProblem[] } {
  const states = new Map<string, ModeState>();
  const problems: ModesFileProblem[] = [];
  if (text === null) return { states, problems };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const { line, col, reason } = jsonSyntaxError(text, e);
    problems.push({ message: `${MODES_FILE} is not valid JSON (${reason})`, line, col });
    return { states, problems };
  }
  const nodes = (doc as { nodes?: unknown } | null)?.nodes;
  if (!nodes || typeof nodes !== 'object' || Array.isArray(nodes)) {
    problems.push({ message: `${MODES_FILE} has no "nodes" object`, line: 1, col: 1 });
    return { states, problems };
  }
  for (const [id, s] of Object.entries(nodes as Record<string, Partial<ModeState> | null>)) {
    if (!s || typeof s !== 'object' || !MODES.includes(s.mode as Mode)) {
      const found = text.indexOf(JSON.stringify(id));
      problems.push({ node: id, message: `node ${id} in ${MODES_FILE} has no valid mode (one of ${MODES.join(', ')}); its previous state is unknown`, ...lineColumn(text, found < 0 ? 0 : found) });
      continue;
    }
    states.set(id, {
      mode: s.mode as Mode,
      since: typeof s.since === 'string' ? s.since : null,
      last_verified: typeof s.last_verified === 'string' ? s.last_verified : null,
      // Files written before observed_at existed recorded only the passing observations' times.
      observed_at: typeof s.observed_at === 'string' ? s.observed_at : typeof s.last_verified === 'string' ? s.last_verified : null,
      failures: Number.isInteger(s.failures) ? (s.failures as number) : 0,
      passes: Number.isInteger(s.passes) ? (s.passes as number) : 0,
      reason: typeof s.reason === 'string' ? s.reason : '',
    });
  }
  return { states, problems };
}

/** One line per node, in id order: small, and a change shows in a diff as the lines of the nodes it touched. */
export function renderModesFile(states: Map<string, ModeState>): string {
  const lines = [...states.keys()].sort().map((id) => {
    const s = states.get(id)!;
    return `    ${JSON.stringify(id)}: ${JSON.stringify({ mode: s.mode, since: s.since, last_verified: s.last_verified, observed_at: s.observed_at, failures: s.failures, passes: s.passes, reason: s.reason })}`;
  });
  return `{\n  "generated_by": "fleethub",\n  "nodes": {${lines.length ? `\n${lines.join(',\n')}\n  ` : ''}}\n}\n`;
}

/**
 * The states to write. Times of observation are not fleet state, so a run in
 * which no node's mode, counters or reason changed writes the times it found
 * (the same bytes: a steady fleet produces no commit, whenever it is probed).
 * A run that changes anything writes every time it observed, so the picture
 * stays one snapshot: the board judges staleness from these times
 * (persistedStaleness), and a node left at an older time is one this run did
 * not observe. `refreshMs` (policies/modes.yaml `refresh_interval`, off by
 * default) adds a heartbeat: the times are rewritten once any of them has
 * moved by at least that much, each rewrite a commit.
 */
export function statesToPersist(previous: Map<string, ModeState>, next: Map<string, ModeState>, refreshMs: number | null): Map<string, ModeState> {
  if (stateChanged(previous, next) || heartbeatDue(previous, next, refreshMs)) return next;
  const out = new Map<string, ModeState>();
  for (const [id, s] of next) {
    const before = previous.get(id)!;
    out.set(id, { ...s, last_verified: before.last_verified, observed_at: before.observed_at });
  }
  return out;
}

/** Whether any node appeared, went, or changed in anything but its observation times. */
function stateChanged(previous: Map<string, ModeState>, next: Map<string, ModeState>): boolean {
  if (previous.size !== next.size) return true;
  for (const [id, s] of next) {
    const b = previous.get(id);
    if (!b || b.mode !== s.mode || b.since !== s.since || b.failures !== s.failures || b.passes !== s.passes || b.reason !== s.reason) return true;
    if ((b.observed_at === null) !== (s.observed_at === null) || (b.last_verified === null) !== (s.last_verified === null)) return true;
  }
  return false;
}

function heartbeatDue(previous: Map<string, ModeState>, next: Map<string, ModeState>, refreshMs: number | null): boolean {
  if (refreshMs === null) return false;
  for (const [id, s] of next) {
    const b = previous.get(id)!;
    for (const [then, now] of [[b.last_verified, s.last_verified], [b.observed_at, s.observed_at]] as const) {
      if (then && now && Date.parse(now) - Date.parse(then) >= refreshMs) return true;
    }
  }
  return false;
}
