/**
 * Where a Git repository's files are, read straight from the file system as
 * git does (a `.git` directory, or the `.git` file of a linked worktree), and
 * the commit a branch or HEAD names without a Git library: a loose ref, else
 * its line in packed-refs, and how many files its index lists. I/O.
 */
import fs from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';

export interface Repository {
  workdir: string;
  /** Where HEAD is (a worktree's own directory for linked worktrees). */
  gitdir: string;
  /** Where objects and refs are. */
  commondir: string;
}

export function locateRepository(start: string): Repository | null {
  for (let d = start; ; d = dirname(d)) {
    const dotgit = join(d, '.git');
    const st = statOrNull(dotgit);
    if (st?.isDirectory()) return { workdir: d, gitdir: dotgit, commondir: dotgit };
    if (st?.isFile()) {
      // A linked worktree or a submodule: `.git` is a file naming the real directory.
      const m = /^gitdir:\s*(.+?)\s*$/m.exec(readOrEmpty(dotgit));
      if (m) {
        const gitdir = isAbsolute(m[1]!) ? m[1]! : resolve(d, m[1]!);
        const common = readOrEmpty(join(gitdir, 'commondir')).trim();
        return { workdir: d, gitdir, commondir: common === '' ? gitdir : resolve(gitdir, common) };
      }
    }
    if (dirname(d) === d) return null;
  }
}

/**
 * A branch's commit id read straight from the repository, as git does: the
 * loose ref file, else its line in packed-refs. Null for anything else (a
 * symbolic ref, a missing branch, an unreadable file), which isomorphic-git
 * then resolves or reports.
 */
export function readBranchRef(repo: Repository, ref: string): string | null {
  if (!/^refs\/heads\/[^\0\s]+$/.test(ref) || ref.split('/').includes('..')) return null;
  const loose = readOrNull(join(repo.commondir, ref));
  if (loose !== null) return /^[0-9a-f]{40}\n?$/.test(loose) ? loose.trim() : null;
  const packed = readOrNull(join(repo.commondir, 'packed-refs'));
  if (packed === null) return null;
  for (const line of packed.split('\n')) {
    const m = /^([0-9a-f]{40}) (.+)$/.exec(line);
    if (m && m[2] === ref) return m[1]!;
  }
  return null;
}

/**
 * HEAD's commit id when it can be read without a Git library (a detached HEAD,
 * or a branch with a loose or packed ref); null otherwise (no repository, an
 * unborn branch, anything unusual), for the caller to treat as "unknown".
 */
export function readHeadCommit(start: string): string | null {
  const repo = locateRepository(start);
  if (!repo) return null;
  const text = readOrNull(join(repo.gitdir, 'HEAD'))?.trim() ?? '';
  if (/^[0-9a-f]{40}$/.test(text)) return text;
  return text.startsWith('ref:') ? readBranchRef(repo, text.slice(4).trim()) : null;
}

/**
 * How many files the index of the repository at or above `start` lists (its
 * header's entry count), read without a Git library: the repository's size,
 * known at once. Null without a repository or a readable index.
 */
export function indexEntries(start: string): number | null {
  const repo = locateRepository(start);
  if (!repo) return null;
  let fd: number | null = null;
  try {
    fd = fs.openSync(join(repo.gitdir, 'index'), 'r');
    const header = Buffer.alloc(12);
    if (fs.readSync(fd, header, 0, 12, 0) < 12 || header.toString('latin1', 0, 4) !== 'DIRC') return null;
    return header.readUInt32BE(8);
  } catch {
    return null;
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

export function readOrNull(path: string): string | null {
  try {
    return fs.readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

export function statOrNull(path: string): fs.Stats | null {
  try {
    return fs.statSync(path);
  } catch {
    return null;
  }
}

export function readOrEmpty(path: string): string {
  try {
    return fs.readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
