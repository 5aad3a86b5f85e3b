/**
 * The variables the apply and health commands get (added to the agent's own
 * environment): the node, the intent and lease, and the artifact — its name,
 * the version to install (the previous one for a rollback, with
 * FLEETHUB_ROLLBACK=1), the staged digest, and the mirrors, space-separated.
 */
import type { PendingUpdate } from './agentTypes.js';

export function commandVars(node: string, p: PendingUpdate, version: string, rollback: boolean): Record<string, string> {
  return {
    FLEETHUB_NODE: node,
    FLEETHUB_INTENT: p.intent,
    FLEETHUB_INTENT_VERSION: String(p.version),
    FLEETHUB_LEASE: p.lease,
    FLEETHUB_ARTIFACT: p.artifact.name,
    FLEETHUB_VERSION: version,
    FLEETHUB_DIGEST: rollback ? '' : (p.staged_digest ?? p.artifact.digest),
    FLEETHUB_MIRRORS: rollback ? '' : p.artifact.mirrors.join(' '),
    FLEETHUB_ROLLBACK: rollback ? '1' : '0',
  };
}
