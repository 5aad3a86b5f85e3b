/** The orchestrator's private key from FLEETHUB_ORCHESTRATOR_KEY (a PEM file's path, relative to the fleet repository or absolute), or null when it is not set. I/O at the edge, for the rollout step. */
import type { KeyObject } from 'node:crypto';
import { readSigningKey } from './readSigningKey.js';

export function readOrchestratorKey(root: string, env: Readonly<Record<string, string | undefined>>): { key: KeyObject; source: string } | null {
  const path = env.FLEETHUB_ORCHESTRATOR_KEY?.trim();
  if (!path) return null;
  return { key: readSigningKey(root, path, []).key, source: path };
}
