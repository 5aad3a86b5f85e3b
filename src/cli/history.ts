import { UnknownRecordError, UsageError } from '../errors.js';
import { idFromPath, KIND_DIRS, recordKindOfPath, type KindDir } from '../records/kinds.js';
import { createValidators } from '../records/validators.js';
import { findRoot } from '../repo/findRoot.js';
import { fleetLog } from '../repo/fleetLog.js';
import { openGitObjects } from '../repo/openGitObjects.js';
import { renderRecordHistory } from '../report/renderRecordHistory.js';
import { recordHistory } from '../review/recordHistory.js';
import { taskFields } from '../review/taskFields.js';
import type { Command } from './command.js';
import { repoPath } from './repoPath.js';

export const history: Command = {
  name: 'history',
  summary: 'a record’s semantic changes over Git history: commit, author, date, fields',
  usage: `fleethub history <record> [--format text|json|md]

The changes of one record over the fleet's Git history, newest first: for each
commit that changed it, the commit, its author and date, and each changed field
as a JSON-pointer path with the old and the new value, compared as 'fleethub
diff' compares them (list items by identity; a commit that changed only prose
is left out). Renames are followed: older commits are read at the record's
earlier path (and id). Merge commits show no change of their own, as in
'git log'. Needs git on PATH.

  <record>   kind:id (node:n1, workload:web, intent:up, workplan:WP-1,
             policy:freeze, task:WP-1/T04: a task's part of its workplan's
             history), a bare id when only one record has it, or the
             record file's path (registry/nodes/n1.md). A record deleted
             since is found at its last path.
  --format md   one table per commit, for a pull request or a wiki page

Exit codes: 0, or 2 for a usage error (an id that names no record, or several).`,
  options: {},
  reads: true,
  formats: ['md'],
  async run(args, ctx) {
    if (args.positionals.length !== 1) throw new UsageError(`history takes one record (kind:id, an id or a record file's path), not ${args.positionals.length} arguments`, { positionals: args.positionals });
    const spec = args.positionals[0]!;
    const colon = spec.indexOf(':');
    const [kindName, name] = colon > 0 ? [spec.slice(0, colon), spec.slice(colon + 1)] : [null, spec];
    // A task is read out of its workplan's history: task:WP-1/T04.
    const slash = name.indexOf('/');
    if (kindName === 'task' && (slash <= 0 || slash === name.length - 1)) throw new UsageError(`a task is named task:<workplan>/<task>, e.g. task:WP-1/T04, not '${spec}'`, { record: spec });
    const root = findRoot(ctx.cwd, ctx.root);
    // A record file's path, as 'git log -p' takes one (repoPath: from the working directory, or from the repository with --root): that record.
    const asPath = kindName === null && spec.includes('/') ? repoPath(root, ctx.cwd, spec) : null;
    const pathKind = asPath === null ? null : recordKindOfPath(asPath);
    if (asPath !== null && pathKind === null) throw new UsageError(`'${spec}' is neither kind:id nor a record file (a .md or .yaml file under one of ${KIND_DIRS.map((k) => `${k.dir}/`).join(', ')})`, { record: spec });
    const [id, task] = asPath !== null ? [idFromPath(asPath), null] : kindName === 'task' ? [name.slice(0, slash), name.slice(slash + 1)] : [name, null];
    const kinds = pathKind !== null ? [pathKind] : kindName === null ? KIND_DIRS : KIND_DIRS.filter((k) => k.kind === (task === null ? kindName : 'workplan'));
    if (kinds.length === 0) throw new UsageError(`unknown record kind '${kindName}' in '${spec}' (one of ${[...KIND_DIRS.map((k) => k.kind), 'task'].join(', ')})`, { record: spec });
    const git = await openGitObjects(root);
    const head = await git.resolveCommit('HEAD');
    const isRecord = (k: KindDir, p: string): boolean => (asPath === null ? k.extensions.some((x) => p.endsWith(x)) && idFromPath(p) === id && !p.toLowerCase().endsWith('/readme.md') : p === asPath);
    let found: Array<{ kind: KindDir; path: string }> = [];
    for (const k of kinds) for (const f of await git.filesUnder(head, [k.dir])) if (isRecord(k, f.path)) found.push({ kind: k, path: f.path });
    if (found.length === 0) {
      // Deleted since: its last path in history.
      for (const k of kinds) {
        const gone = fleetLog(root, head, k.dir).flatMap((c) => c.changes).find((x) => x.status === 'D' && isRecord(k, x.path));
        if (gone) found.push({ kind: k, path: gone.path });
      }
    }
    if (found.length === 0) throw new UnknownRecordError(spec, asPath !== null ? `no record file ${asPath} at HEAD or in its history` : `no ${kindName ?? 'record'} file is called ${id} at HEAD or in its history (ids are file names without extension)`);
    if (found.length > 1) {
      const names = found.map((f) => `${f.kind.kind}:${id} (${f.path})`);
      throw new UnknownRecordError(spec, `${found.length} records have that id: ${names.join(', ')}${kindName === null ? '; write kind:id' : ''}`, names);
    }
    const [{ kind, path }] = found as [{ kind: KindDir; path: string }];
    const io = { log: (rev: string, p: string) => fleetLog(root, rev, p), changes: (commit: string, dir: string) => fleetLog(root, commit, dir, 1)[0]?.changes ?? [], readBlobs: (oids: readonly string[]) => git.readBlobs(oids) };
    const entries = await recordHistory(io, head, kind, path, createValidators());
    const view = task === null ? { record: { kind: kind.kind, id, path }, entries } : { record: { kind: 'task', id: `${id}/${task}`, path }, entries: taskFields(entries, task) };
    return { text: () => renderRecordHistory(view, args.values.format === 'md' ? 'md' : 'text'), json: () => view, problems: false };
  },
};
