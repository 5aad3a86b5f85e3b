/**
 * The faults that reproduce the picture a fleet repository's `status/modes.json` records: every
 * node recorded DEGRADED starts `down` (its probes are refused), every other node healthy. So the
 * simulator started on a fresh clone agrees with the shipped status files, and a first
 * `fleethub reconcile --probe --write` changes nothing. A missing file means no recorded picture
 * (every node healthy); a file that exists but cannot be read as JSON is an error, never ignored.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Fault } from './fleetSimulator.js';

export const STATUS_MODES_FILE = 'status/modes.json';

export function faultsFromStatus(root: string): Map<string, Fault> {
  const path = join(root, STATUS_MODES_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw new Error(`cannot read ${path}: ${(e as Error).message}`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new Error(`${path} is not valid JSON (${(e as Error).message}); pass --healthy to ignore it`);
  }
  const nodes = (doc as { nodes?: unknown } | null)?.nodes;
  const faults = new Map<string, Fault>();
  if (nodes === null || typeof nodes !== 'object' || Array.isArray(nodes)) return faults;
  for (const [id, state] of Object.entries(nodes as Record<string, { mode?: unknown } | null>)) {
    if (state?.mode === 'DEGRADED') faults.set(id, 'down');
  }
  return faults;
}
