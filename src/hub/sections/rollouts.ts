/** Section `rollouts`: each intent's rollout and its progress. Empty until the rollout commands (issue 12) land: the reconcile loop has no rollout state yet. */
import type { HubInput } from '../hubInput.js';

export function rollouts(_input: HubInput): unknown[] {
  return [];
}
