import { lstatSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { copyCache } from '../cache/copyCache.js';
import { readFindings } from '../cache/readFindings.js';
import { refreshCache } from '../cache/refreshCache.js';
import { KIND_DIRS, kindOfPath, recordKindOfPath, walkIgnores } from '../records/kinds.js';
import { checkoutIndex } from '../repo/checkoutIndex.js';
import { findRoot } from '../repo/findRoot.js';
import { stagedPaths } from '../repo/stagedPaths.js';
import { worktreeMatchesIndex } from '../repo/worktreeMatchesIndex.js';
import { findingJson } from '../report/formatFinding.js';
import { formatFindings } from '../report/formatFindings.js';
import { PathNotFoundError, UsageError } from '../errors.js';
import type { Command } from './command.js';
import { repoPath } from './repoPath.js';
import { commandResult } from './commandResult.js';
import { FAIL_ON_OPTION, FAIL_ON_USAGE, failOn } from './failOn.js';

export const validate: Command = {
  name: 'validate',
  summary: 'check the fleet files: shapes, ids, references, cycles',
  usage: `fleethub validate [paths...] [--staged] [--fail-on error|warning|none] [--format json]

Checks every record file (or only the given paths — a directory: every file
below it — plus the records that refer to them) and reports each problem as
path:line:col: error[code]: message, with a code's hint under its first
finding. A path that does not exist is a
usage error.
  --staged    validate the files staged for commit, as staged (the pre-commit
              hook): where the working tree differs from the index, a
              checkout of the index is read, the working tree untouched
${FAIL_ON_USAGE}
Exit codes: 0 no findings at or above --fail-on (by default warnings are
allowed), 1 findings at or above it, 2 usage or internal error.`,
  options: { staged: { type: 'boolean' }, ...FAIL_ON_OPTION },
  reads: true,
  async run(args, ctx) {
    const fail = failOn(args);
    const root = findRoot(ctx.cwd, ctx.root);
    let paths: string[] | undefined;
    /** Directories and symlinks given: what the whole walk says of them and of every file below them. */
    const walked: string[] = [];
    if (args.values.staged) {
      if (args.positionals.length > 0) throw new UsageError('give either paths or --staged, not both');
      paths = stagedPaths(root);
      // A staged file in the fleet's directories that is no record (registry/node/a.md): the walk says so.
      walked.push(...paths.filter(strayInFleet));
    } else if (args.positionals.length > 0) {
      paths = [];
      for (const p of args.positionals) {
        const rel = repoPath(root, ctx.cwd, p);
        if (walkJudges(join(root, rel), p) || strayInFleet(rel)) walked.push(rel);
        else if (recordKindOfPath(rel) === null) throw new UsageError(`${p} is not a record file: records are ${RECORD_FILES}; give one of those, a directory, or no path (the whole fleet)`);
        else paths.push(rel);
      }
    }
    /** --staged with a working tree that is not what the commit will hold: a temporary checkout of the index, read instead. */
    const checkout = args.values.staged && !worktreeMatchesIndex(root) ? mkdtempSync(join(tmpdir(), 'fleethub-staged-')) : undefined;
    try {
      let read = root;
      if (checkout) {
        read = checkoutIndex(root, checkout);
        // This fleet's cache as a start: the staged files that match it are not parsed again.
        copyCache(root, read);
      }
      // Those are validated with the whole tree walked (what is below a directory, stray files included, and what a link leads to are the walk's to say); so is a checkout of the index, whose every file is new to the copied cache.
      const { db } = await refreshCache(read, { paths: walked.length > 0 || checkout ? undefined : paths, onProgress: ctx.progress('validating') });
      try {
        if (paths && walked.length > 0) paths = [...new Set([...paths, ...below(db, walked)])];
        const findings = readFindings(db, paths ? { paths } : {});
        const errors = findings.filter((f) => f.severity === 'error');
        const warnings = findings.filter((f) => f.severity === 'warning');
        // A path staged for deletion is no file to count.
        const present = db.prepare('SELECT 1 FROM files WHERE path = ?').pluck();
        const count = paths ? paths.filter((p) => recordKindOfPath(p) !== null && present.get(p) !== undefined).length : (db.prepare('SELECT count(*) FROM files').pluck().get() as number);
        const files = `${count} file${count === 1 ? '' : 's'}${checkout ? ' as staged' : ''}`;
        const result = commandResult(findings, fail);
        const tail = errors.length === 0 ? ctx.style.green(`ok: ${files}, ${warnings.length} warning(s)`) : ctx.style.red(`${errors.length} error(s), ${warnings.length} warning(s) in ${files}`);
        return {
          text: () => [...formatFindings(findings, ctx.style), tail].join('\n'),
          json: () => ({ ok: errors.length === 0, errors: errors.map(findingJson), warnings: warnings.map(findingJson), result }),
          problems: result.exit === 1,
        };
      } finally {
        db.close();
      }
    } finally {
      if (checkout) rmSync(checkout, { recursive: true, force: true });
    }
  },
};

const RECORD_FILES = KIND_DIRS.flatMap((k) => k.extensions.map((x) => `${k.dir}/*${x}`)).join(', ');

/** A file in registry/ or a kind's directory that the walk passes over with a warning (a stray, a wrong extension), not silently (a README.md, a hidden file). */
function strayInFleet(rel: string): boolean {
  return (rel.startsWith('registry/') || kindOfPath(rel) !== null) && recordKindOfPath(rel) === null && !walkIgnores(rel);
}

/** The files at or below `dirs` (repository-relative; '' is the repository) that the cache holds or has findings for (a symlink: the walk's finding about it). */
function below(db: Database.Database, dirs: readonly string[]): string[] {
  const under = (column: string): string => `@dir IN ('', ${column}) OR substr(${column}, 1, length(@dir) + 1) = @dir || '/'`;
  const query = db.prepare(`SELECT path FROM files WHERE ${under('path')} UNION SELECT file FROM findings WHERE ${under('file')}`).pluck();
  return dirs.flatMap((dir) => query.all({ dir }) as string[]);
}

/**
 * Whether what is at `abs` is the walk's to judge: a directory (what is below it), or a symlink (the walk says
 * whether it may be followed, or that it leads nowhere); a usage error naming the path as given when nothing is there.
 */
function walkJudges(abs: string, given: string): boolean {
  let st;
  try {
    st = lstatSync(abs);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') throw new PathNotFoundError(given);
    throw e;
  }
  return st.isSymbolicLink() || st.isDirectory();
}
