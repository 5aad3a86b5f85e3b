import type { FleetDiff } from '../diff/diffRecordVersions.js';
import { UsageError } from '../errors.js';
import type { Finding } from '../records/finding.js';
import { findingRecord } from '../records/findingRecord.js';
import { hintFor } from '../records/hints.js';
import { createValidators } from '../records/validators.js';
import { findRoot } from '../repo/findRoot.js';
import { openGitObjects, type GitObjects } from '../repo/openGitObjects.js';
import { MATERIALISED_DIRS } from '../repo/materialiseRevision.js';
import { openReviewTree } from '../repo/openReviewTree.js';
import { worktreeCommit } from '../repo/worktreeCommit.js';
import { findingJson } from '../report/formatFinding.js';
import { renderFleetDiff } from '../report/renderFleetDiff.js';
import { diffRevisions } from '../review/diffRevisions.js';
import { revisionImpact, type RevisionImpact } from '../review/revisionImpact.js';
import type { Command } from './command.js';
import { commandResult } from './commandResult.js';
import { FAIL_ON_OPTION, failOn } from './failOn.js';
import { refreshPlan } from './evaluateSide.js';
import { reviewSides } from './reviewSides.js';
import { startSide, type SideWorker } from './startSideWorker.js';

export const diff: Command = {
  name: 'diff',
  summary: 'what a change means: the records changed between two revisions, and the findings it introduces and resolves',
  usage: `fleethub diff [<a>..<b> | <a>...<b> | <a>] [--format text|json|md] [--exit-code]
                     [--fail-on error|warning|none] [--records-only]

Compares the fleet's records (registry/, workplans/, policies/) between two
revisions, read straight from Git objects: nothing is checked out, the working
tree and the index are left alone. For each record added, removed, renamed or
changed: its kind, id, and each changed field as a JSON-pointer path with the
old and the new value. List items are matched by identity (id, node, host,
name, wave, or the scalar itself), not by position: reordering a list is no
change. Workplan tasks are compared by task id (/tasks/<id>/state, ...).

Then the impact: both revisions are evaluated offline, as 'fleethub status'
evaluates the working tree (validation, freeze with each revision's history,
policies, checks, workplans, trust), in .fleethub/review/ written from Git
objects (kept between runs: the next diff writes only what differs; when
the working tree holds the later revision as committed, as in a pull
request's CI job, that side is evaluated in place and only the files the
earlier one changes are written; when it holds another commit as committed,
both sides are laid over it, as they are over uncommitted edits to record
files), and the findings the change introduces
and resolves are listed (matched by code and record, not by message), with
what only the step shows: an intent whose
version went down or whose target widened, a task that lost a dependency.
See docs/diff.md.

  <a>..<b>     from a to b; <a> alone means <a>..HEAD
  <a>...<b>    from the merge base of a and b to b
  (none)       from the merge base of HEAD with the default branch
               (origin/HEAD, else main, else master) to HEAD
  --format md  for a pull request comment: a marker line, a summary line, the
               findings introduced, then resolved, a table per kind, a Mermaid
               graph of the topology the change touched (a table when the graph
               would pass Forgejo's 5,000-character Mermaid limit)
  --exit-code  exit 1 when the fleet's records differ
  --fail-on error|warning|none
               exit 1 when the change introduces a finding of this severity or
               worse (default none: diff reports, and fails only when asked)
  --records-only
               the records only, without evaluating the revisions (faster; no
               impact, no graph; --fail-on cannot be used with it)

Exit codes: 0 nothing asked for was found, 1 the fleet differs (--exit-code) or
the change introduces findings at or above --fail-on, 2 usage or internal
error (a revision that names no commit).`,
  options: { 'exit-code': { type: 'boolean' }, 'records-only': { type: 'boolean' }, ...FAIL_ON_OPTION },
  reads: true,
  formats: ['md'],
  async run(args, ctx) {
    if (args.positionals.length > 1) throw new UsageError(`diff takes one range, not ${args.positionals.length} arguments (write <a>..<b>)`, { positionals: args.positionals });
    const recordsOnly = args.values['records-only'] === true;
    if (recordsOnly && args.values['fail-on'] !== undefined) throw new UsageError('--fail-on needs the impact, which --records-only skips: leave one of them out', { option: 'fail-on' });
    const fail = args.values['fail-on'] === undefined ? 'none' : failOn(args);
    const root = findRoot(ctx.cwd, ctx.root);
    // For the impact: the working tree's state asked of git now (answered by the time the range is resolved), the earlier side's runner started (a worker thread loads its modules meanwhile).
    const started = recordsOnly ? null : { checkout: worktreeCommit(root, MATERIALISED_DIRS, { layOver: (paths) => refreshPlan(paths) !== undefined }), worker: startSide(root) };
    let range: FleetDiff['range'];
    let found: { records: FleetDiff['records']; impact: RevisionImpact | null };
    try {
      const git = await openGitObjects(root);
      range = await resolveRange(git, args.positionals[0]);
      found = started === null ? { records: await diffRevisions(git, range.from, range.to, createValidators()), impact: null } : await withImpact(root, git, range, started, ctx.env);
    } finally {
      // Once it answered it has ended; on a failure before that (a range that names nothing, a held lock), it is stopped.
      await started?.worker.stop();
    }
    const { records, impact } = found;
    const result = commandResult(impact?.introduced ?? [], fail, { differs: args.values['exit-code'] === true && records.length > 0 });
    const review = { range, records, impact };
    const out = (f: Finding) => ({ ...findingJson(f), record: findingRecord(f), hint: f.hint ?? hintFor(f.code) });
    return {
      text: () => renderFleetDiff(review, args.values.format === 'md' ? 'md' : 'text', ctx.style),
      json: () => ({ range, records, impact: impact && { ...impact, introduced: impact.introduced.map(out), resolved: impact.resolved.map(out) }, result }),
      problems: result.exit === 1,
    };
  },
};

/** The records' changes and the impact: both sides evaluated (reviewSides), the earlier one in `worker`. */
async function withImpact(root: string, git: GitObjects, range: FleetDiff['range'], { checkout, worker }: { checkout: Promise<string | null>; worker: SideWorker }, env: Readonly<Record<string, string | undefined>>): Promise<{ records: FleetDiff['records']; impact: RevisionImpact }> {
  const tree = openReviewTree(root);
  try {
    // A later side that is the checkout as it stands (a pull request's CI job) is evaluated there; a checkout of
    // another commit, or one with uncommitted edits to record files (a commit of the working tree: worktreeCommit),
    // is what both sides are laid over: no 30,000 files written either way.
    const held = await checkout;
    const worktree = held === range.to ? range.to : undefined;
    const base = held !== null && held !== range.to ? held : undefined;
    // The records are read by the earlier side's runner while it waits for what it starts from, unless this thread evaluates the working
    // tree itself (its work is then the shorter: the runner writes and evaluates an overlay) — then here, once the earlier side has its start.
    const sides = reviewSides(root, git, tree, env, Date.now(), { worktree, base, worker, ...(worktree ? {} : { records: { from: range.from, to: range.to } }) });
    const reading = sides.records ?? sides.started.then(() => diffRevisions(git, range.from, range.to, createValidators()));
    const impact = await revisionImpact(range.from, range.to, reading, sides);
    return { records: await reading, impact };
  } finally {
    tree.release();
  }
}

/** The two commits a range names, and the revisions as named (the default range names its merge base). */
async function resolveRange(git: GitObjects, spec: string | undefined): Promise<FleetDiff['range']> {
  if (spec === undefined) {
    const to = await git.resolveCommit('HEAD');
    const d = await git.defaultBase(to);
    return { from: d.base, to, fromRevision: `merge-base(HEAD, ${d.branch})`, toRevision: 'HEAD' };
  }
  const three = spec.indexOf('...');
  if (three >= 0) {
    const [a, b] = [spec.slice(0, three) || 'HEAD', spec.slice(three + 3) || 'HEAD'];
    const to = await git.resolveCommit(b);
    return { from: await git.mergeBase(await git.resolveCommit(a), to), to, fromRevision: `merge-base(${a}, ${b})`, toRevision: b };
  }
  const two = spec.indexOf('..');
  const [a, b] = two >= 0 ? [spec.slice(0, two) || 'HEAD', spec.slice(two + 2) || 'HEAD'] : [spec, 'HEAD'];
  return { from: await git.resolveCommit(a), to: await git.resolveCommit(b), fromRevision: a, toRevision: b };
}
