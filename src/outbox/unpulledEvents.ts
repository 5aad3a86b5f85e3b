/**
 * Applied events that landed upstream but are not in this checkout yet: their
 * commit is not HEAD or one of its ancestors (most often it is not even here,
 * because nobody pulled since). What the user sees shows them on top of the
 * files, marked as upstream, until `git pull` brings them. Only the most
 * recent `limit` applied events are looked at; ancestry is followed back at
 * most `depth` commits (older is taken as pulled).
 */
import fs from 'node:fs';
import type { OutboxEvent } from '../reconcile/outboxEvent.js';
import { isomorphicGit } from '../repo/isomorphicGit.js';

export async function unpulledEvents(gitRoot: string | null, applied: readonly OutboxEvent[], depth = 2000): Promise<OutboxEvent[]> {
  const relayed = applied.filter((e) => e.commit !== null);
  if (relayed.length === 0 || gitRoot === null) return [];
  // Loaded here, not at the top: with nothing relayed, a command does not pay for it.
  const git = isomorphicGit();
  let head: string;
  try {
    head = await git.resolveRef({ fs, dir: gitRoot, ref: 'HEAD' });
  } catch {
    return relayed;
  }
  const cache = {};
  const pulled = new Map<string, boolean>();
  for (const c of new Set(relayed.map((e) => e.commit!))) {
    if (c === head) {
      pulled.set(c, true);
      continue;
    }
    try {
      await git.readCommit({ fs, dir: gitRoot, oid: c, cache });
    } catch {
      pulled.set(c, false);
      continue;
    }
    try {
      pulled.set(c, await git.isDescendent({ fs, dir: gitRoot, oid: head, ancestor: c, depth, cache }));
    } catch {
      pulled.set(c, true);
    }
  }
  return relayed.filter((e) => !pulled.get(e.commit!));
}
