/**
 * `fleethub rollout pause|abort|resume <intent>`: the operator's control of a
 * rollout, as a write of status/rollouts/<intent>.yaml recorded in the
 * outbox and relayed like every write. No signing key is needed: pausing and
 * aborting only stop things. The file is the next tick's, with the new
 * control and no lease issued (abort revokes the leases not yet started).
 * Resume lifts only an operator's pause: never an abort, and never an intent
 * whose signed `control` is paused or aborted (that needs a newly signed
 * intent).
 */
import { RolloutFileUnreadableError, RolloutResumeRefusedError } from '../errors.js';
import { hintFor } from '../records/hints.js';
import { commandResult } from './commandResult.js';
import { recordEvents } from '../outbox/recordEvents.js';
import { refreshCache } from '../cache/refreshCache.js';
import { attemptRelay, relayOptionsFrom } from '../relay/attemptRelay.js';
import { renderRolloutFile } from '../rollout/renderRolloutFile.js';
import { rolloutTick } from '../rollout/rolloutTick.js';
import type { RolloutControl } from '../rollout/leaseTypes.js';
import type { Context, Outcome } from './command.js';
import { relayOutcome } from './relayOutcome.js';
import { statusDrift, statusLines, statusWithChange } from './changeStatus.js';
import { rolloutOf, rolloutRuns } from './rolloutRuns.js';
import { unsignedEnv } from './unsignedEnv.js';

const TO: Record<'pause' | 'abort' | 'resume', RolloutControl> = { pause: 'paused', abort: 'aborted', resume: 'active' };

export async function rolloutControl(root: string, action: 'pause' | 'abort' | 'resume', intent: string, ctx: Context, queue: boolean, now: () => Date = () => new Date()): Promise<Outcome> {
  // Safety actions sign nothing: the key is not even read.
  const env = unsignedEnv(ctx.env);
  const runs = await rolloutRuns(root, env, now);
  const run = rolloutOf(runs, intent);
  if ('unreadable' in run) {
    const f = run.unreadable;
    throw new RolloutFileUnreadableError(intent, f.file, f.line, f.col, f.message, f.hint ?? hintFor(f.code));
  }
  const current = run.input.previous?.control ?? 'active';
  if (action === 'resume') {
    if (run.input.intent.control !== 'run') throw new RolloutResumeRefusedError(intent, `the intent itself is signed control: ${run.input.intent.control} (${run.file}); only a newly signed version with control: run starts it again`);
    if (current === 'aborted') throw new RolloutResumeRefusedError(intent, 'the rollout was aborted; an abort is final for this version: sign a new version of the intent to start again');
    if (current !== 'paused') throw new RolloutResumeRefusedError(intent, 'it is not paused');
  }
  const to = TO[action];
  const tick = rolloutTick({ ...run.input, signer: null, control: to });
  const text = renderRolloutFile(tick.file);
  const base = { intent, action, control: { from: current, to }, file: run.path };
  if (current === to) {
    return { text: () => `${intent}: already ${to}, nothing recorded`, json: () => ({ ...base, event: null, relay: null }), problems: false };
  }
  // The board shows the rollout's control: it goes in the same commit (changeStatus.ts), when status/ matched the files before.
  const drift = await statusDrift(root, env, now);
  const [event] = await recordEvents(root, [{ type: 'status.file', payload: { path: run.path, text } }], { env: ctx.env, now });
  const recorded = (e: unknown): never => {
    if (e instanceof Error) e.message += ` (the change is recorded: event ${event!.id} is safe in the outbox; do not run this again, see 'fleethub outbox list')`;
    throw e;
  };
  const status = await statusWithChange(root, env, now, drift).catch(recorded);
  const attempt = queue ? null : await attemptRelay(root, relayOptionsFrom(ctx.env), { now, random: Math.random }).catch(recorded);
  if (attempt?.ok && attempt.report.target === 'working-tree' && attempt.report.written.length > 0) (await refreshCache(root, { paths: attempt.report.written })).db.close();
  const outcome = relayOutcome(attempt, [event!.id, ...status.events], ctx.style);
  const revoked = tick.plan.revocations.map((r) => r.node);
  const what = `${intent}: ${current} → ${to}${revoked.length > 0 ? ` (revoked the leases not started: ${revoked.join(', ')})` : ''}${to === 'paused' && tick.plan.in_flight.length > 0 ? ` (${tick.plan.in_flight.length} in flight finish)` : ''}`;
  return {
    text: () => [outcome.problem ? what : ctx.style.green(what), ctx.style.dim(`  ${run.path}`), ...statusLines(status).map((l) => ctx.style.dim(`  ${l}`)), ...outcome.lines].join('\n'),
    json: () => ({ ...base, revoked, event: event!.id, status: { files: status.files, outOfDate: status.outOfDate, unevaluable: status.unevaluable }, relay: outcome.json, result: commandResult([], 'error', { relay: outcome.problem }) }),
    problems: outcome.problem,
  };
}
