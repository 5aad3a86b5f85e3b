/**
 * Trust for a whole fleet at one tick: the trust.yaml chain from the pin, then
 * each intent against the root it yields. When the chain is refused, every
 * intent is refused with it (`intent-untrusted-root`). Pure.
 */
import { hintFor } from '../records/hints.js';
import type { IntentVerdict, RatchetEntry, RolloutCaps, ScopeNode } from './trustTypes.js';
import { verifyIntent, type IntentInput } from './verifyIntent.js';
import { verifyTrustChain, type ChainResult, type PinnedRoot, type TrustVersion } from './verifyTrustChain.js';

export interface FleetTrustInput {
  pin: PinnedRoot | null;
  trustVersions: readonly TrustVersion[];
  intents: readonly IntentInput[];
  nodes: readonly ScopeNode[];
  caps: RolloutCaps;
  ratchet: ReadonlyMap<string, RatchetEntry>;
  now: Date;
}

export interface FleetTrust {
  chain: ChainResult;
  verdicts: IntentVerdict[];
}

export function verifyFleetTrust(input: FleetTrustInput): FleetTrust {
  const chain = verifyTrustChain(input.pin, input.trustVersions);
  const intents = [...input.intents].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (!chain.ok) {
    const why = chain.findings.map((f) => f.message).join('; ');
    return {
      chain,
      verdicts: intents.map((i) => {
        const at = i.locate('');
        return { id: i.id, trusted: false, signers: [], digest: '', findings: [{ file: i.file, line: at.line, col: at.col, severity: 'error', code: 'intent-untrusted-root', message: `the trust root is refused: ${why}`, hint: hintFor('intent-untrusted-root'), kind: 'intent', id: i.id }] };
      }),
    };
  }
  return { chain, verdicts: intents.map((i) => verifyIntent(i, { root: chain.root, nodes: input.nodes, caps: input.caps, ratchet: input.ratchet, now: input.now })) };
}
