/** Section `rollouts`: each update intent's rollout (state, operator and signed control, progress by area and journal state, the next wave, why it is halted and why nodes wait), as the board's Rollouts section has them. */
import type { RolloutRow } from '../../reconcile/boardInput.js';
import type { HubInput } from '../hubInput.js';

export function rollouts(input: HubInput): RolloutRow[] {
  const s = input.run.boardSections.find((b) => b.kind === 'rollouts');
  return s && s.kind === 'rollouts' ? s.rollouts : [];
}
