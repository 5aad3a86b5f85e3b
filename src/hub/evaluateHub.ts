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
import type { CheckResult } from '../checks/checkResult.js';
import { STEPS } from '../reconcile/reconcile.js';
import { createContext } from '../reconcile/reconcileContext.js';
import { evaluate } from '../reconcile/steps/evaluate.js';
import { redactUrl } from '../relay/redactUrl.js';
import { resolveUpstream } from '../relay/resolveUpstream.js';
import { evaluateWorkplans, type WorkplanEvaluation } from '../workplans/evaluateWorkplans.js';
import { reevaluateWorkplans } from '../workplans/reevaluateWorkplans.js';
import { workplanGraph, type WorkplanGraph } from '../workplans/workplanGraph.js';
import { kindOfPath } from '../records/kinds.js';
import { countBy } from './sections/countBy.js';
import type { HubInput, HubOutboxState, SectionBuilder } from './hubInput.js';
import type { HubIo } from './hubIo.js';
import { HUB_SECTIONS } from './hubSections.js';

/**
 * The steps after which the hub can publish what derives only from the
 * records (the file's own records refreshed, the nodes' modes): the first of
 * a save's two phases. The rest (findings, checks) follow in the same run.
 */
export const RECORD_STEPS = STEPS.slice(0, STEPS.indexOf(evaluate) + 1);

/** Sections that derive from the evaluation's verdicts: shown as {"evaluating": true} in a first phase, until the run finishes. */
export const EVALUATED_SECTIONS = new Set(['findings', 'checks', 'intents']);

export const EVALUATING = { evaluating: true } as const;

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

/** What one evaluation leaves for the next: the check results, for a first phase's done-when verdicts (replaced when the run finishes), and the sections it built. */
export interface HubMemory {
  checkResults: Map<string, CheckResult>;
  /** The last finished evaluation's sections; null before the first. */
  sections: Record<string, unknown> | null;
  /** The workplans as the last finished evaluation read them (no overlay); null before the first and while an evaluation runs (one that fails leaves it null: its paths are not known to the next). */
  graph: WorkplanGraph | null;
  /** The workplans as the last finished evaluation's sections show them (with the overlay); null before the first and while an evaluation runs. */
  workplans: WorkplanEvaluation | null;
  /** The outbox's state as the last finished evaluation read it; null before the first. */
  outbox?: HubOutboxState | null;
}

/**
 * The whole reconcile loop, as `fleethub reconcile` runs it (offline: the
 * generated files rendered and compared, a difference a `generated-drift`
 * finding; with probes: `--probe --write`). With `early`, and files saved
 * (request.paths not empty), a first phase is handed to it once the records
 * are refreshed: the sections that derive from the records, the evaluated
 * ones marked EVALUATING (never a stale or partial finding).
 */
export async function evaluateHub(
  io: HubIo,
  request: HubEvaluationRequest,
  builders: Readonly<Record<string, SectionBuilder>> = HUB_SECTIONS,
  early?: (evaluation: HubEvaluation) => void,
  memory: HubMemory = { checkResults: new Map(), sections: null, graph: null, workplans: null },
): Promise<HubEvaluation> {
  const rio = io.reconcileIo(request.paths);
  const run = createContext(rio, { probe: request.probe, write: request.probe, allowRemote: request.allowRemote });
  const previousGraph = memory.graph;
  memory.graph = null;
  const previousWorkplans = memory.workplans;
  memory.workplans = null;
  try {
    const { pending, unpulled } = await eventsNotInFiles(io.root);
    const overlay = pendingTaskStates(pending, unpulled);
    const saved = early && !request.probe && request.paths && request.paths.length > 0;
    let published = false;
    if (saved && memory.sections && memory.outbox && 'workplans' in builders && request.paths!.every((p) => kindOfPath(p)?.kind === 'workplan')) {
      // Only workplans saved: nothing but the workplans (and the task counts) can change before the findings; the records refreshed, the rest is the last evaluation's.
      run.db = (await rio.refreshCache()).db;
      const files = new Set(request.paths);
      const graph = previousGraph ? workplanGraph(run.db, { previous: previousGraph, files }) : undefined;
      const again = graph && previousGraph && overlay.size === 0 && previousWorkplans && previousWorkplans.graph === previousGraph ? reevaluateWorkplans(previousWorkplans, graph, savedTasks(previousGraph, graph, files), memory.checkResults) : null;
      const workplans = again ? again.evaluation : evaluateWorkplans(run.db, memory.checkResults, overlay, graph);
      const section = (again && spliced(builders.workplans!, { run, workplans, outbox: memory.outbox, evaluating: true }, again.workplans, memory.sections.workplans)) || builders.workplans!({ run, workplans, outbox: memory.outbox, evaluating: true });
      const fleet = memory.sections.fleet as Record<string, unknown> | undefined;
      const counts = fleet ? { fleet: { ...fleet, tasks: countBy([...workplans.graph.tasks.values()].map((t) => t.state)), findings: EVALUATING } } : {};
      const marked = Object.fromEntries(Object.keys(builders).filter((n) => EVALUATED_SECTIONS.has(n)).map((n) => [n, EVALUATING]));
      early({ generatedAt: run.now, sections: { ...memory.sections, ...counts, workplans: section, ...marked } });
      run.db.close();
      published = true;
      await flush();
    }
    // Read after a workplans-only first phase (which shows the last evaluation's: the outbox section is the last evaluation's there too).
    const out = await outboxState(io);
    for (const step of RECORD_STEPS) await step(run);
    if (saved && !published) {
      const workplans = evaluateWorkplans(run.db, memory.checkResults, overlay);
      // A copy of the context: what the builders make of it once (src/hub/sections/reconcileView.ts) is kept per context, and the run goes on.
      early!({ generatedAt: run.now, sections: build(builders, { run: { ...run }, workplans, outbox: out, evaluating: true }) });
      await flush();
    }
    for (const step of STEPS.slice(RECORD_STEPS.length)) await step(run);
    memory.checkResults = run.checkResults;
    // The workplans step's evaluation is the hub's (the step evaluates with the events waiting to land, as the overlay here).
    const stepped = run.boardSections.find((b) => b.kind === 'workplans');
    const workplans = stepped?.kind === 'workplans' ? stepped.evaluation : evaluateWorkplans(run.db, run.checkResults, overlay);
    const sections = build(builders, { run, workplans, outbox: out });
    memory.sections = sections;
    memory.outbox = out;
    if (stepped?.kind === 'workplans') memory.graph = stepped.evaluation.graph;
    memory.workplans = workplans;
    return { generatedAt: run.now, sections };
  } finally {
    if (run.db.open) run.db.close();
  }
}

/**
 * The event loop's turn to write the first phase to the clients (a change of
 * megabytes is many socket writes) before the evaluation's synchronous steps
 * hold it: without it the first phase arrived 0.5-0.8 s later on the 30k fleet.
 */
const FLUSH_MS = 20;
const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, FLUSH_MS));

/** The keys of the tasks of the saved files' workplans, before and after (a removed or added task too). */
function savedTasks(before: WorkplanGraph, after: WorkplanGraph, files: ReadonlySet<string>): Set<string> {
  const ids = new Set(after.workplans.filter((w) => files.has(w.file)).map((w) => w.id));
  const keys = new Set<string>();
  for (const g of [before, after]) for (const w of g.workplans) if (files.has(w.file) || ids.has(w.id)) for (const k of w.tasks) keys.add(k);
  return keys;
}

/**
 * The workplans section with only the workplans `ids` built again, the others
 * the very items of `previous` (not walked, not serialised again); null when
 * the section is not a list of workplans by id or one is missing from it.
 */
function spliced(make: SectionBuilder, input: HubInput, ids: readonly string[], previous: unknown): unknown[] | null {
  if (!Array.isArray(previous)) return null;
  const again = new Set(ids);
  const fresh = make({ ...input, workplans: { ...input.workplans, graph: { workplans: input.workplans.graph.workplans.filter((w) => again.has(w.id)), tasks: input.workplans.graph.tasks } } });
  if (!Array.isArray(fresh)) return null;
  const byId = new Map<string, unknown>([...previous, ...fresh].map((item) => [(item as { id: string }).id, item]));
  const out = input.workplans.graph.workplans.map((w) => byId.get(w.id));
  return out.every((item) => item !== undefined) ? out : null;
}

function build(builders: Readonly<Record<string, SectionBuilder>>, input: HubInput): Record<string, unknown> {
  const sections: Record<string, unknown> = {};
  for (const [name, make] of Object.entries(builders)) sections[name] = input.evaluating && EVALUATED_SECTIONS.has(name) ? EVALUATING : make(input);
  return sections;
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
    // No upstream: the relay writes to the working tree, which is neither online nor offline.
    const online = url === null ? null : state.failures > 0 ? false : state.lastSuccessAt !== null ? true : null;
    return { pending: outbox.list('pending'), dead: outbox.list('dead'), lastError: state.lastError, lastSuccessAt: state.lastSuccessAt, nextAttemptAt: state.nextAttemptAt, upstream: { url, online } };
  } finally {
    outbox.close();
  }
}
