/** Section `intents`: the trust root's verdict and each update intent (kind, version, strategy, control, signers, trusted or why refused), as the board's Intents section has them. */
import type { IntentRow } from '../../reconcile/boardInput.js';
import type { HubInput } from '../hubInput.js';

export interface HubIntents {
  trust: { ok: boolean; version: number | null; chain: number[]; refusal: string | null } | null;
  intents: IntentRow[];
}

export function intents(input: HubInput): HubIntents {
  const s = input.run.boardSections.find((b) => b.kind === 'intents');
  return s && s.kind === 'intents' ? { trust: s.trust, intents: s.intents } : { trust: null, intents: [] };
}
