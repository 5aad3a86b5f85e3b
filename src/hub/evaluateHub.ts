/**
 * One evaluation of the fleet for the hub: the reconcile loop itself (offline,
 * or with probes and writes as `reconcile --probe --write`), the workplans
 * with the task states of the events not in the files yet laid on top (as
 * `fleethub workplan` shows them), and the outbox's state; the sections built
 * while the cache is open. I/O through `io`.
 */
import { FleethubError } from '../errors.js';
import { eventsNotInFiles } from '../outbox/eventsNotInFiles.js';
import { openOutbox } from '../outbox/openOutbox.js';
import { pendingTaskStates } from '../outbox/pendingTaskStates.js';
import { reconcile, STEPS } from '../reconcile/reconcile.js';
import { apply } from '../reconcile/steps/apply.js';
import { plan } from '../reconcile/steps/plan.js';
import { redactUrl } from '../relay/redactUrl.js';
import { resolveUpstream } from '../relay/resolveUpstream.js';
import { evaluateWorkplans } from '../workplans/evaluateWorkplans.js';
import type { HubOutboxState, SectionBuilder } from './hubInput.js';
import type { HubIo } from './hubIo.js';
import { HUB_SECTIONS } from './hubSections.js';

/**
 * The offline evaluation without rendering the generated files (plan, apply):
 * the hub shows the fleet, not whether status/ is up to date (`fleethub
 * reconcile --check` says that), and a probing evaluation writes what changed.
 * Rendering the board of a large fleet costs more than the rest of a small one.
 */
export const OFFLINE_STEPS = STEPS.filter((s) => s !== plan && s !== apply);

export interface HubEvaluationRequest {
  /** Only these repository-relative paths changed (the watcher's hints); absent: compare every file. */
  paths?: string[];
  /** Probe the fleet and write the generated files that changed (modes with hysteresis), as `reconcile --probe --write`. */
  probe: boolean;
  allowRemote: boolean;
}

export interface HubEvaluation {
  generatedAt: string;
  sections: Record<string, unknown>;
}

export async function evaluateHub(io: HubIo, request: HubEvaluationRequest, builders: Readonly<Record<string, SectionBuilder>> = HUB_SECTIONS): Promise<HubEvaluation> {
  const rio = io.reconcileIo(request.paths);
  const run = await reconcile(rio, { probe: request.probe, write: request.probe, allowRemote: request.allowRemote }, request.probe ? STEPS : OFFLINE_STEPS);
  try {
    const { pending, unpulled } = await eventsNotInFiles(io.root);
    const workplans = evaluateWorkplans(run.db, run.checkResults, pendingTaskStates(pending, unpulled));
    const outbox = await outboxState(io);
    const sections: Record<string, unknown> = {};
    for (const [name, build] of Object.entries(builders)) sections[name] = build({ run, workplans, outbox });
    return { generatedAt: run.now, sections };
  } finally {
    run.db.close();
  }
}

async function outboxState(io: HubIo): Promise<HubOutboxState> {
  // A configuration the relay refuses (an unsupported URL, a bad branch name) is the relay's error to report, not the hub's: no URL then.
  const up = await resolveUpstream(io.root, io.relayOptions).catch((e: unknown) => {
    if (e instanceof FleethubError) return null;
    throw e;
  });
  const url = up?.kind === 'remote' ? redactUrl(up.url) : null;
  const outbox = openOutbox(io.root, { create: false });
  if (!outbox) return { pending: [], dead: [], lastError: null, lastSuccessAt: null, nextAttemptAt: null, upstream: { url, online: null } };
  try {
    const state = outbox.relayState();
    const online = state.failures > 0 ? false : state.lastSuccessAt !== null ? true : null;
    return { pending: outbox.list('pending'), dead: outbox.list('dead'), lastError: state.lastError, lastSuccessAt: state.lastSuccessAt, nextAttemptAt: state.nextAttemptAt, upstream: { url, online } };
  } finally {
    outbox.close();
  }
}
