/**
 * A relay pass right after a command recorded events, for commands that write
 * (task, reconcile --push): the events are already durable, so a relay that
 * cannot run now (upstream unreachable, another relay busy, credentials
 * refused) is not a failure of the command; it is reported as what happens
 * next. Anything else (a damaged outbox, a bug) is thrown.
 */
import { FleethubError, OutboxCorruptError, OutboxVersionError, RelayBusyError, UpstreamUnreachableError } from '../errors.js';
import type { RelayIo, RelayOptions, RelayReport } from './relay.js';

export type RelayAttempt =
  | { ok: true; report: RelayReport }
  /** `later`: it will go through by itself (offline, busy); otherwise someone must act (credentials, configuration). */
  | { ok: false; later: boolean; error: FleethubError };

export async function attemptRelay(root: string, options: RelayOptions, io: RelayIo): Promise<RelayAttempt> {
  // Loaded here, not at the top: the relay brings isomorphic-git (~0.14 s), which a command that records nothing never needs.
  const { relay } = await import('./relay.js');
  try {
    return { ok: true, report: await relay(root, options, io) };
  } catch (e) {
    // A damaged outbox is not "the events wait": there may be none to wait; the command fails and names the file.
    if (!(e instanceof FleethubError) || e instanceof OutboxCorruptError || e instanceof OutboxVersionError) throw e;
    return { ok: false, later: e instanceof UpstreamUnreachableError || e instanceof RelayBusyError, error: e };
  }
}

/** The relay options a command takes from the environment: the token (never printed), and the environment the system's git runs with. */
export function relayOptionsFrom(env: Readonly<Record<string, string | undefined>>, options: RelayOptions = {}): RelayOptions {
  return { ...options, env, ...(env.FLEETHUB_TOKEN ? { token: env.FLEETHUB_TOKEN } : {}), ...(env.FLEETHUB_TOKEN_USER ? { tokenUser: env.FLEETHUB_TOKEN_USER } : {}) };
}
