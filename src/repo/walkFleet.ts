/** Lists a fleet repository's record files with their size and mtime. I/O. */
import * as nodeFs from 'node:fs';
import type { Dirent, Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Finding } from '../records/finding.js';
import { hintFor } from '../records/hints.js';
import { KIND_DIRS, type RecordKind } from '../records/kinds.js';
import { REGISTRY_DIRS, walkFindingOfFile } from './walkFindingOfFile.js';

export interface FleetFile {
  /** Repository-relative, '/'-separated. */
  path: string;
  kind: RecordKind;
  size: number;
  mtimeMs: number;
}

export interface Walk {
  files: FleetFile[];
  findings: Finding[];
}

/** The file-system calls the walk makes; tests inject failures (a permission error, which root never gets). */
export type WalkFs = Pick<typeof nodeFs, 'readdirSync' | 'realpathSync' | 'statSync' | 'lstatSync'>;

/**
 * `stat: false` skips the per-file stat (a cold build reads every file anyway and takes size and mtime from it).
 * Symlinks get one rule at every level, the kind directories (`registry/`, `workplans/`, ...) included: a link
 * leading outside the repository or nowhere is a `symlink-escape` error, one that leads back to itself a
 * `symlink-loop` error, a linked directory inside the repository a `symlink-dir` warning; none is followed.
 * A directory that cannot be listed is an `unreadable-dir` error, never an empty directory.
 */
export function walkFleet(root: string, options: { stat?: boolean; fs?: WalkFs } = {}): Walk {
  const fs = options.fs ?? nodeFs;
  const wantStat = options.stat !== false;
  const files: FleetFile[] = [];
  const findings: Finding[] = [];
  const realRoot = fs.realpathSync(root);
  const reported = new Set<string>();
  const base = join(root, '/');
  const problem = (path: string, severity: Finding['severity'], code: Finding['code'], message: string): void => {
    if (reported.has(path)) return;
    reported.add(path);
    findings.push({ file: path, line: 1, col: 1, severity, code, message, hint: hintFor(code) });
  };
  /** Whether a symlink at `path` is acceptable to read through (a file inside the repository); reports it otherwise. */
  const symlinkTarget = (path: string): string | null => {
    try {
      const target = fs.realpathSync(join(root, path));
      const rel = relative(realRoot, target);
      if (rel.startsWith('..') || rel.startsWith(sep) || rel === '') {
        problem(path, 'error', 'symlink-escape', `symlink leads outside the repository (to ${target})`);
        return null;
      }
      return target;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ELOOP') problem(path, 'error', 'symlink-loop', 'symlink leads back to itself (a loop); nothing behind it is read');
      else problem(path, 'error', 'symlink-escape', 'symlink points at nothing (broken link)');
      return null;
    }
  };
  /** A kind directory and each directory above it must be a real directory of the repository, not a link. */
  const kindDirUsable = (dir: string): boolean => {
    const parts = dir.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const path = parts.slice(0, i).join('/');
      let st: Stats | undefined;
      try {
        st = fs.lstatSync(join(root, path), { throwIfNoEntry: false });
      } catch (e) {
        problem(path, 'error', 'unreadable-dir', `cannot be read: ${(e as Error).message}`);
        return false;
      }
      if (st === undefined) return false;
      if (st.isSymbolicLink()) {
        if (symlinkTarget(path) !== null) problem(path, 'warning', 'symlink-dir', 'symlinked directory not followed');
        return false;
      }
      if (!st.isDirectory()) {
        problem(path, 'warning', 'unexpected-file', 'should be a directory of records, but is not a directory; ignored');
        return false;
      }
    }
    return true;
  };
  for (const k of KIND_DIRS) {
    if (!kindDirUsable(k.dir)) continue;
    for (const { e, path } of entriesBelow(root, fs, k.dir, problem)) {
      const abs = base + path;
      let st;
      if (e.isSymbolicLink()) {
        if (symlinkTarget(path) === null) continue;
        st = fs.statSync(abs);
        if (st.isDirectory()) {
          problem(path, 'warning', 'symlink-dir', 'symlinked directory not followed');
          continue;
        }
        if (!st.isFile()) {
          problem(path, 'warning', 'unexpected-file', 'symlink to something that is not a regular file (a pipe, socket or device); ignored');
          continue;
        }
      } else if (!e.isFile()) {
        problem(path, 'warning', 'unexpected-file', 'not a regular file (a pipe, socket or device); ignored');
        continue;
      }
      const rule = walkFindingOfFile(path);
      if (rule === null || !('record' in rule)) {
        if (rule !== null && 'finding' in rule) problem(path, rule.finding.severity, rule.finding.code, rule.finding.message);
        continue;
      }
      if (!wantStat) files.push({ path, kind: k.kind, size: 0, mtimeMs: 0 });
      else {
        st ??= fs.statSync(abs);
        files.push({ path, kind: k.kind, size: st.size, mtimeMs: st.mtimeMs });
      }
    }
  }
  strayRecords(root, fs, kindDirUsable, problem);
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, findings };
}

/**
 * Files under registry/ outside its record directories (`registry/x.md`, `registry/node/a.md`) are read by
 * nothing: each is an `unexpected-file` warning naming where records live (and the directory it was probably
 * meant for), never silently passed over. README.md files and hidden entries are not records; links are not followed.
 */
type Problem = (path: string, severity: Finding['severity'], code: Finding['code'], message: string) => void;

function strayRecords(root: string, fs: WalkFs, usable: (dir: string) => boolean, problem: Problem): void {
  if (!usable('registry')) return;
  const recordDirs = new Set(REGISTRY_DIRS.map((d) => `registry/${d}`));
  for (const { path } of entriesBelow(root, fs, 'registry', problem, recordDirs)) {
    const rule = walkFindingOfFile(path);
    if (rule !== null && 'finding' in rule) problem(path, rule.finding.severity, rule.finding.code, rule.finding.message);
  }
}

/**
 * Every entry below `start` that is not a directory (depth first), each with its repository-relative path: hidden
 * entries left out, directories descended into (except those in `skip`), each listed with listDir.
 */
function* entriesBelow(root: string, fs: WalkFs, start: string, problem: Problem, skip?: ReadonlySet<string>): Generator<{ e: Dirent; path: string }> {
  const stack = [start];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    const entries = listDir(root, fs, dir, problem);
    if (entries === null) continue;
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const path = `${dir}/${e.name}`;
      if (skip?.has(path)) continue;
      if (e.isDirectory()) stack.push(path);
      else yield { e, path };
    }
  }
}

/** A directory's entries; null when it is gone (removed while walking) or cannot be listed (an `unreadable-dir` error, never an empty directory). */
function listDir(root: string, fs: WalkFs, dir: string, problem: Problem): Dirent[] | null {
  try {
    return fs.readdirSync(join(root, dir), { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') problem(dir, 'error', 'unreadable-dir', `directory cannot be listed (${code ?? (e as Error).message}); its records are missing from this run`);
    return null;
  }
}
