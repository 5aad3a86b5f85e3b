/** Which files of the fleet repository the agent reads (and nothing else: no pin, no cache, no working-tree state). Pure. */
import { SINGLETON_POLICY_FILES } from '../records/kinds.js';
import { RATCHET_FILE, TRUST_FILE } from '../trust/readFleetTrust.js';

export const ROLLOUT_POLICY_FILE = SINGLETON_POLICY_FILES.rollout!;
export const ROLLOUTS_DIR = 'status/rollouts';
export const NODES_DIR = 'registry/nodes';
export const INTENTS_DIR = 'registry/intents';

/** Whether the agent reads this path of the fleet repository. */
export function agentReads(path: string): boolean {
  return (
    path === TRUST_FILE ||
    path === ROLLOUT_POLICY_FILE ||
    path === RATCHET_FILE ||
    (path.startsWith(`${NODES_DIR}/`) && path.endsWith('.md') && !path.slice(NODES_DIR.length + 1).includes('/')) ||
    (path.startsWith(`${INTENTS_DIR}/`) && path.endsWith('.md') && !path.slice(INTENTS_DIR.length + 1).includes('/')) ||
    (path.startsWith(`${ROLLOUTS_DIR}/`) && path.endsWith('.yaml') && !path.slice(ROLLOUTS_DIR.length + 1).includes('/'))
  );
}
