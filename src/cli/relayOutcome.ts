/**
 * What a writing command says about the relay pass that followed its events:
 * where they went (a commit upstream, the working tree), or that they wait in
 * the outbox and why, or that they cannot land (dead letters, refused
 * credentials) — the last two are problems (exit 1).
 */
import type { RelayAttempt } from '../relay/attemptRelay.js';
import type { Style } from '../report/style.js';

export interface RelayOutcome {
  lines: string[];
  json: unknown;
  problem: boolean;
}

export function relayOutcome(attempt: RelayAttempt | null, ids: readonly string[], style: Style): RelayOutcome {
  const one = ids.length === 1;
  const what = one ? `event ${ids[0]}` : `${ids.length} events`;
  if (attempt === null) return { lines: [style.dim(`  queued in the outbox (${what}); 'fleethub relay' sends ${one ? 'it' : 'them'}`)], json: { state: 'pending', reason: 'queued' }, problem: false };
  if (!attempt.ok) {
    const lines = [`  ${attempt.later ? style.yellow('pending') : style.red('pending')}: ${attempt.error.message}`];
    if (attempt.later) lines.push(style.dim(`  ${what} ${one ? 'waits' : 'wait'} in the outbox; 'fleethub relay' (or the next change) sends ${one ? 'it' : 'them'}`));
    else lines.push(style.dim(`  ${what} ${one ? 'is' : 'are'} safe in the outbox (do not record ${one ? 'it' : 'them'} again); once that is fixed, 'fleethub relay' sends ${one ? 'it' : 'them'}`));
    return { lines, json: { state: 'pending', reason: attempt.error.code, message: attempt.error.message }, problem: !attempt.later };
  }
  const r = attempt.report;
  const dead = r.dead.find((d) => ids.includes(d.id));
  if (dead) return { lines: [style.red(`  cannot land: ${dead.reason}`), style.dim(`  kept as a dead letter: fleethub outbox show ${dead.id}`)], json: { state: 'dead', code: dead.code, reason: dead.reason }, problem: true };
  const others = r.applied + r.landed - ids.length;
  const more = others > 0 ? ` (with ${others} earlier event${others === 1 ? '' : 's'})` : '';
  const superseded = supersededLines(r.superseded, r.target, style);
  if (r.target === 'working-tree') return { lines: superseded, json: { state: 'applied', target: 'working-tree', written: r.written, superseded: r.superseded }, problem: false };
  // Status events that changed nothing upstream (it had them, or another run superseded them meanwhile) make no commit.
  if (r.commits.length === 0) {
    const lines = superseded.length > 0 ? superseded : [style.dim(`  nothing to commit: ${r.url} ${r.branch} has these changes already`)];
    return { lines, json: { state: 'applied', target: 'upstream', url: r.url, branch: r.branch, commits: [], superseded: r.superseded }, problem: false };
  }
  const commit = r.commits.at(-1)?.slice(0, 10) ?? '';
  return { lines: [style.dim(`  relayed to ${r.url} ${r.branch} in ${commit}${more}; git pull to see it here`), ...superseded], json: { state: 'applied', target: 'upstream', url: r.url, branch: r.branch, commits: r.commits, superseded: r.superseded }, problem: false };
}

/**
 * Generated files another run wrote first (a concurrent reconcile, or a task relayed from another machine): kept as
 * that run wrote them, so they lack this change until a run that has both renders them again. Not a failure: the
 * change itself landed.
 */
function supersededLines(paths: readonly string[], target: 'upstream' | 'working-tree', style: Style): string[] {
  if (paths.length === 0) return [];
  const one = paths.length === 1;
  const where = target === 'upstream' ? 'upstream' : 'in the working tree';
  const fix = target === 'upstream' ? "'git pull', then 'fleethub reconcile --push'," : "'fleethub reconcile --write'";
  return [style.yellow(`  ${paths.join(', ')} not updated ${where}: another run wrote ${one ? 'it' : 'them'} there first, without this change; ${fix} brings ${one ? 'it' : 'them'} up to date`)];
}
