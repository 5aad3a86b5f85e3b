import { diffRecordVersions, type FleetDiff, type VersionPair } from '../diff/diffRecordVersions.js';
import { recordVersion } from '../diff/recordVersion.js';
import { UsageError } from '../errors.js';
import { createValidators } from '../records/validators.js';
import { findRoot } from '../repo/findRoot.js';
import { openGitObjects } from '../repo/openGitObjects.js';
import { renderFleetDiff } from '../report/renderFleetDiff.js';
import type { Command } from './command.js';

export const diff: Command = {
  name: 'diff',
  summary: 'the semantic difference of the fleet’s records between two revisions',
  usage: `fleethub diff [<a>..<b> | <a>...<b> | <a>] [--format text|json|md] [--exit-code]

Compares the fleet's records (registry/, workplans/, policies/) between two
revisions, read straight from Git objects: nothing is checked out, the working
tree and the index are left alone. For each record added, removed, renamed or
changed: its kind, id, and each changed field as a JSON-pointer path with the
old and the new value. List items are matched by identity (id, node, host,
name, wave, or the scalar itself), not by position: reordering a list is no
change. Workplan tasks are compared by task id (/tasks/<id>/state, ...).

  <a>..<b>     from a to b; <a> alone means <a>..HEAD
  <a>...<b>    from the merge base of a and b to b
  (none)       from the merge base of HEAD with the default branch
               (origin/HEAD, else main, else master) to HEAD
  --format md  a summary line and one table per kind, for a pull request comment
  --exit-code  exit 1 when the fleet differs, 0 when it does not

A revision that names no commit is a usage error (exit 2).`,
  options: { 'exit-code': { type: 'boolean' } },
  reads: true,
  formats: ['md'],
  async run(args, ctx) {
    if (args.positionals.length > 1) throw new UsageError(`diff takes one range, not ${args.positionals.length} arguments (write <a>..<b>)`, { positionals: args.positionals });
    const root = findRoot(ctx.cwd, ctx.root);
    const git = await openGitObjects(root);
    const spec = args.positionals[0];
    let from: string;
    let to: string;
    let fromRevision: string;
    let toRevision: string;
    const three = spec?.indexOf('...') ?? -1;
    const two = spec?.indexOf('..') ?? -1;
    if (spec === undefined) {
      toRevision = 'HEAD';
      to = await git.resolveCommit('HEAD');
      const d = await git.defaultBase(to);
      [from, fromRevision] = [d.base, `merge-base(HEAD, ${d.branch})`];
    } else if (three >= 0) {
      const [a, b] = [spec.slice(0, three) || 'HEAD', spec.slice(three + 3) || 'HEAD'];
      [to, toRevision] = [await git.resolveCommit(b), b];
      from = await git.mergeBase(await git.resolveCommit(a), to);
      fromRevision = `merge-base(${a}, ${b})`;
    } else {
      const [a, b] = two >= 0 ? [spec.slice(0, two) || 'HEAD', spec.slice(two + 2) || 'HEAD'] : [spec, 'HEAD'];
      [from, fromRevision] = [await git.resolveCommit(a), a];
      [to, toRevision] = [await git.resolveCommit(b), b];
    }
    const validators = createValidators();
    const pairs: VersionPair[] = [];
    for (const f of await git.changedFleetFiles(from, to)) {
      const version = async (oid: string | null) => (oid === null ? null : recordVersion(f.path, f.kind, oid, await git.readBlob(oid), validators));
      pairs.push({ before: await version(f.before), after: await version(f.after) });
    }
    const result: FleetDiff = { range: { from, to, fromRevision, toRevision }, records: diffRecordVersions(pairs) };
    const md = args.values.format === 'md';
    return { text: () => renderFleetDiff(result, md ? 'md' : 'text'), json: () => result, problems: args.values['exit-code'] === true && result.records.length > 0 };
  },
};
