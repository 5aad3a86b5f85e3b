/**
 * The one-line upstream indicator at the top of the page: online/offline (shape and word, not
 * colour alone), the pending outbox events and the dead letters.
 */
import { outboxCount } from './outboxCount.js';

export function renderUpstreamStatus(data: unknown): string {
  const d = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const up = (d.upstream ?? {}) as { online?: boolean | null; url?: string | null };
  const pending = outboxCount(d.pending, d.events);
  const dead = outboxCount(d.dead, d.dead_letters);
  const state =
    up.online === true
      ? '<span class="upstream online">▲ upstream online</span>'
      : up.online === false
        ? '<span class="upstream offline">▼ upstream offline</span>'
        : up.url === null
          ? '<span class="upstream none">○ no upstream: changes are written to this working tree</span>'
          : '<span class="upstream unknown">? upstream not known yet</span>';
  return `${state} <span class="outbox-count${pending ? ' has-pending' : ''}">${pending} pending</span> <span class="outbox-count${dead ? ' has-dead' : ''}">${dead} dead</span>`;
}

