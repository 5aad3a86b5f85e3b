/**
 * Reads the fleet's files straight from Git objects, for `fleethub diff`:
 * revisions to commits, the merge base with the default branch, the fleet
 * files whose blobs differ between two commits, and blobs. Nothing is checked
 * out and nothing is written: the working tree, the index and the refs are
 * left as they are (isomorphic-git, and `git cat-file` for many blobs at
 * once, only read objects and refs here).
 *
 * - A revision is a ref (`HEAD`, a branch, a tag, `origin/main`, a full ref),
 *   a full or abbreviated commit id, optionally followed by `~N`, `^` or `^N`.
 *   An annotated tag is peeled to its commit. One that names nothing is an
 *   UnknownRevisionError naming it.
 * - HEAD is read from the work tree's own git directory (a linked worktree
 *   has its own HEAD); refs and objects from the common directory.
 * - The fleet may sit in a subdirectory of the work tree: paths are given and
 *   returned relative to the fleet's root.
 * - Cost: where the system's git is on PATH, it resolves revisions and merge
 *   bases whose answer is the same either way (revParseWithGit: isomorphic-git
 *   is then never loaded), and lists and compares whole trees (lsTreeWithGit,
 *   diffTreeWithGit: C git parses a 20,000-entry tree about ten times
 *   faster); otherwise two trees are compared top-down
 *   and a subtree whose id is the same on both sides is skipped whole, so
 *   unchanged directories cost one tree read. Both give the same answers
 *   (test/gitTreeReaders.test.ts), refusals of crafted names included.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { UnknownRevisionError, UnsafeTreeEntryError, UsageError } from '../errors.js';
import { KIND_DIRS, recordKindOfPath, type RecordKind } from '../records/kinds.js';
import { diffTreeWithGit, type DiffedEntry } from './diffTreeWithGit.js';
import { locateRepository } from './gitRepository.js';
import { lsTreeWithGit } from './lsTreeWithGit.js';
import { mergeBaseWithGit, revParseWithGit } from './revParseWithGit.js';
import { isomorphicGit } from './isomorphicGit.js';

/** A file whose blob differs between two commits; `before`/`after` is null where there is no such regular file. */
export interface Changed {
  /** Relative to the fleet's root, '/'-separated. */
  path: string;
  before: string | null;
  after: string | null;
}

/** A record file whose blob differs between two commits, and its kind. */
export interface ChangedFleetFile extends Changed {
  kind: RecordKind;
}

export interface GitObjects {
  /** The work tree holding the fleet. */
  workdir: string;
  /** The commit a revision names (UnknownRevisionError when it names none). */
  resolveCommit(revision: string): Promise<string>;
  /** The merge base of `commit` with the default branch (origin/HEAD, else main, else master) and that branch's name. */
  defaultBase(commit: string): Promise<{ base: string; branch: string }>;
  /** The merge base of two commits (the first when there are several); UsageError when they share no history. */
  mergeBase(a: string, b: string): Promise<string>;
  /** The fleet files (registry/, workplans/, policies/) whose blob differs between two commits. */
  changedFleetFiles(from: string, to: string): Promise<ChangedFleetFile[]>;
  readBlob(oid: string): Promise<Uint8Array>;
  /**
   * Many blobs at once: one `git cat-file --batch` (C git reads a pack about
   * a hundred times faster than isomorphic-git, which matters for a whole
   * tree of 30,000 files); blob by blob with isomorphic-git when git is not on PATH.
   */
  readBlobs(oids: readonly string[]): Promise<Map<string, Uint8Array>>;
  /** The regular files under these fleet-relative directories whose blob differs between two commits (any name; hidden entries left out), sorted by path. */
  changedFiles(from: string, to: string, dirs: readonly string[]): Promise<readonly Changed[]>;
  /** Every regular file under these fleet-relative directories at a commit (hidden entries, symlinks and submodules left out), sorted by path. */
  filesUnder(commit: string, dirs: readonly string[]): Promise<TreeFile[]>;
  /** The blob of a fleet-relative path at a commit, or null when no regular file is there. */
  blobAt(commit: string, path: string): Promise<string | null>;
  /** Whether the repository has this commit (false for a missing object, or one that is not a commit). */
  hasCommit(oid: string): Promise<boolean>;
  /** A commit's parents, author and dates (seconds since the epoch) and message. */
  readCommit(commit: string): Promise<CommitInfo>;
}

export interface TreeFile {
  /** Relative to the fleet's root, '/'-separated. */
  path: string;
  oid: string;
  /** Git's mode: 100644, or 100755 for an executable file. */
  mode: string;
}

export interface CommitInfo {
  oid: string;
  parents: string[];
  author: { name: string; email: string; timestamp: number };
  committer: { timestamp: number };
  message: string;
}

interface TreeEntry {
  oid: string;
  type: string;
  mode: string;
}

/**
 * @param root the fleet's root directory (inside a Git work tree)
 * @param options.systemGit false: every tree read with isomorphic-git, also where the system's git would list or compare it (tests compare the two)
 */
export async function openGitObjects(root: string, options: { systemGit?: boolean } = {}): Promise<GitObjects> {
  const systemGit = options.systemGit ?? true;
  const repo = locateRepository(resolve(root));
  if (!repo) throw new UsageError(`${root} is not inside a Git repository: fleethub diff compares revisions of the fleet's Git history (run 'git init' and commit the fleet first)`, { root });
  const { workdir, gitdir, commondir } = repo;
  const prefix = relative(workdir, resolve(root)).split(sep).filter((s) => s !== '').join('/');
  const cache = {};
  /** A fleet-relative path as the repository's. */
  const full = (path: string): string => (prefix === '' ? path : `${prefix}/${path}`);
  const trees = new Map<string, Map<string, TreeEntry>>();
  /** changedFiles' answers, by commits and directories. */
  const changes = new Map<string, ReturnType<GitObjects['changedFiles']>>();
  const readTree = async (oid: string): Promise<Map<string, TreeEntry>> => {
    let t = trees.get(oid);
    if (!t) {
      let tree;
      try {
        ({ tree } = await isomorphicGit().readTree({ fs, gitdir: commondir, oid, cache }));
      } catch (e) {
        if ((e as { code?: string }).code === 'UnsafeFilepathError') throw new UnsafeTreeEntryError(oid, String((e as { data?: { filepath?: unknown } }).data?.filepath));
        throw e;
      }
      t = new Map(tree.map((e) => [e.path, { oid: e.oid, type: e.type, mode: e.mode }] as const));
      trees.set(oid, t);
    }
    return t;
  };
  const treeAt = async (tree: string, path: string): Promise<string | null> => {
    let oid = tree;
    for (const name of path.split('/').filter((s) => s !== '')) {
      const e = (await readTree(oid)).get(name);
      if (!e || e.type !== 'tree') return null;
      oid = e.oid;
    }
    return oid;
  };
  const commitTree = async (commit: string): Promise<string> => (await isomorphicGit().readCommit({ fs, gitdir: commondir, oid: commit, cache })).commit.tree;

  /** The object a revision's base names (before ~ and ^), or null. */
  const resolveBase = async (name: string): Promise<string | null> => {
    if (name === 'HEAD' || name === '@') {
      const text = fs.readFileSync(join(gitdir, 'HEAD'), 'utf8').trim();
      if (/^[0-9a-f]{40}$/.test(text)) return text;
      return text.startsWith('ref:') ? refOrNull(text.slice(4).trim()) : null;
    }
    const viaRef = await refOrNull(name);
    if (viaRef) return viaRef;
    if (/^[0-9a-f]{4,40}$/i.test(name)) {
      try {
        return await isomorphicGit().expandOid({ fs, gitdir: commondir, oid: name.toLowerCase(), cache });
      } catch {
        return null; // no object, or an ambiguous abbreviation: reported as unknown below
      }
    }
    return null;
  };
  const refOrNull = async (ref: string): Promise<string | null> => {
    try {
      return await isomorphicGit().resolveRef({ fs, gitdir: commondir, ref });
    } catch (e) {
      if ((e as { code?: string }).code === 'NotFoundError') return null;
      throw e;
    }
  };
  /** The commit an object is, or a tag points at (peeled). */
  const peel = async (revision: string, oid: string): Promise<string> => {
    for (let depth = 0; depth < 10; depth++) {
      let obj;
      try {
        obj = await isomorphicGit().readObject({ fs, gitdir: commondir, oid, cache });
      } catch (e) {
        throw new UnknownRevisionError(revision, `its object ${oid} cannot be read (${(e as Error).message}); in a shallow clone, fetch the full history (git fetch --unshallow, or fetch-depth: 0 in CI)`);
      }
      if (obj.type === 'commit') return oid;
      if (obj.type !== 'tag') throw new UnknownRevisionError(revision, `it names a ${obj.type}, not a commit`);
      oid = (await isomorphicGit().readTag({ fs, gitdir: commondir, oid, cache })).tag.object;
    }
    throw new UnknownRevisionError(revision, 'it is a chain of more than 10 tags');
  };

  const objects: GitObjects = {
    workdir,
    async resolveCommit(revision) {
      const m = /^(.*?)((?:~\d*|\^\d*)*)$/.exec(revision.trim())!;
      const name = m[1]!;
      if (name === '' || /\s|\.\.|[:?*[\\]/.test(name)) throw new UnknownRevisionError(revision, 'it is not a revision name');
      const answered = systemGit ? revParseWithGit(gitdir, revision.trim()) : null;
      if (answered !== null) return answered;
      const base = await resolveBase(name);
      if (base === null) throw new UnknownRevisionError(revision, `no branch, tag or commit is called '${name}'`);
      let oid = await peel(revision, base);
      for (const step of m[2]!.match(/[~^]\d*/g) ?? []) {
        const n = step.length > 1 ? Number(step.slice(1)) : 1;
        const [count, parentIndex] = step[0] === '~' ? [n, 0] : [n === 0 ? 0 : 1, n - 1];
        for (let i = 0; i < count; i++) {
          const { commit } = await isomorphicGit().readCommit({ fs, gitdir: commondir, oid, cache });
          const parent = commit.parent[parentIndex];
          if (parent === undefined) throw new UnknownRevisionError(revision, `commit ${oid.slice(0, 12)} has no parent ${parentIndex + 1}`);
          oid = parent;
        }
      }
      return oid;
    },
    async defaultBase(commit) {
      for (const [ref, branch] of [
        ['refs/remotes/origin/HEAD', 'origin/HEAD'],
        ['refs/heads/main', 'main'],
        ['refs/heads/master', 'master'],
      ] as const) {
        const tip = await refOrNull(ref);
        if (tip) return { base: await objects.mergeBase(await peel(branch, tip), commit), branch };
      }
      throw new UsageError(`no default branch to compare with (neither origin/HEAD, main nor master exists); give a range, e.g. 'fleethub diff HEAD~1..HEAD'`);
    },
    async mergeBase(a, b) {
      const answered = systemGit ? mergeBaseWithGit(commondir, a, b) : null;
      if (answered !== null) return answered;
      const bases = (await isomorphicGit().findMergeBase({ fs, gitdir: commondir, oids: [a, b], cache })) as string[];
      if (bases.length === 0) throw new UsageError(`commits ${a.slice(0, 12)} and ${b.slice(0, 12)} share no history (no merge base); give both ends of the range`, { a, b });
      return bases[0]!;
    },
    async changedFleetFiles(from, to) {
      // Record files by the walk's rules (recordKindOfPath: the kind's directory and extension, no README.md).
      const isRecord = (path: string): boolean => recordKindOfPath(path) !== null;
      const changed = await changedUnder(from, to, KIND_DIRS.map((k) => k.dir), isRecord);
      return changed.map((c) => ({ ...c, kind: recordKindOfPath(c.path)!.kind }));
    },
    changedFiles(from, to, dirs) {
      // Asked more than once for the same pair (a diff's overlay: what to write, then what to read from the working tree): compared once.
      const key = `${from} ${to} ${dirs.join('\0')}`;
      let answer = changes.get(key);
      if (answer === undefined) changes.set(key, (answer = changedUnder(from, to, dirs, () => true)));
      return answer;
    },
    async readBlob(oid) {
      return (await isomorphicGit().readBlob({ fs, gitdir: commondir, oid, cache })).blob;
    },
    async readBlobs(oids) {
      const unique = [...new Set(oids)];
      const out = new Map<string, Uint8Array>();
      if (unique.length === 0) return out;
      const r = spawnSync('git', ['--git-dir', commondir, 'cat-file', '--batch'], { input: unique.map((o) => `${o}\n`).join(''), maxBuffer: 2 ** 31 });
      if (r.error || r.status !== 0) {
        for (const oid of unique) out.set(oid, await objects.readBlob(oid));
        return out;
      }
      // "<oid> blob <size>\n<bytes>\n" per blob asked.
      const buf = r.stdout;
      let at = 0;
      for (const oid of unique) {
        const nl = buf.indexOf(0x0a, at);
        const [got, type, size] = buf.subarray(at, nl).toString().split(' ');
        if (got !== oid || type !== 'blob') throw new Error(`git cat-file: ${oid} is ${type ?? 'missing'}`);
        const end = nl + 1 + Number(size);
        out.set(oid, buf.subarray(nl + 1, end));
        at = end + 1;
      }
      return out;
    },
    async filesUnder(commit, dirs) {
      const listed = systemGit ? lsTreeWithGit(commondir, commit, dirs.map(full)) : null;
      if (listed) {
        const out: TreeFile[] = [];
        for (const e of listed) {
          const path = fleetPath(e.path, dirs, commit);
          if (path !== null && e.type === 'blob' && e.mode !== '120000') out.push({ path, oid: e.oid, mode: e.mode });
        }
        return out.sort(byPath);
      }
      const tree = await commitTree(commit);
      const out: TreeFile[] = [];
      const walk = async (oid: string, path: string): Promise<void> => {
        for (const [name, e] of await readTree(oid)) {
          if (!safeName(name)) continue;
          if (e.type === 'tree') await walk(e.oid, `${path}/${name}`);
          else if (e.type === 'blob' && e.mode !== '120000') out.push({ path: `${path}/${name}`, oid: e.oid, mode: e.mode });
        }
      };
      for (const dir of dirs) {
        const oid = await treeAt(tree, full(dir));
        if (oid) await walk(oid, dir);
      }
      return out.sort(byPath);
    },
    async blobAt(commit, path) {
      const repoPath = full(path);
      const cut = repoPath.lastIndexOf('/');
      const dir = await treeAt(await commitTree(commit), cut < 0 ? '' : repoPath.slice(0, cut));
      if (dir === null) return null;
      const e = (await readTree(dir)).get(repoPath.slice(cut + 1));
      return e?.type === 'blob' && e.mode !== '120000' ? e.oid : null;
    },
    async hasCommit(oid) {
      if (systemGit) {
        const r = spawnSync('git', ['--git-dir', commondir, 'cat-file', '-t', oid], { encoding: 'utf8' });
        // Answered: a type, or no such object (exit 128); not answered (no git): isomorphic-git below.
        if (!r.error && r.status === 0) return r.stdout.trim() === 'commit';
        if (!r.error && r.status === 128) return false;
      }
      try {
        return (await isomorphicGit().readObject({ fs, gitdir: commondir, oid, cache })).type === 'commit';
      } catch (e) {
        if ((e as { code?: string }).code === 'NotFoundError') return false;
        throw e;
      }
    },
    async readCommit(oid) {
      const { commit } = await isomorphicGit().readCommit({ fs, gitdir: commondir, oid, cache });
      return { oid, parents: commit.parent, author: { name: commit.author.name, email: commit.author.email, timestamp: commit.author.timestamp }, committer: { timestamp: commit.committer.timestamp }, message: commit.message };
    },
  };

  /**
   * The regular files under `dirs` (fleet-relative) that `isRecord` takes, whose blob differs between two commits, sorted by path:
   * compared by the system's git (diffTreeWithGit) or, without it, tree by tree.
   */
  async function changedUnder(from: string, to: string, dirs: readonly string[], isRecord: (path: string) => boolean): Promise<Changed[]> {
    const out: Changed[] = [];
    const diffed = systemGit ? diffTreeWithGit(commondir, from, to, dirs.map(full)) : null;
    if (diffed) {
      for (const e of diffed) {
        const path = fleetPath(e.path, dirs, to);
        if (path === null) continue;
        const file = (side: DiffedEntry['before']): string | null => (side !== null && side.mode.startsWith('10') && side.mode !== '120000' && isRecord(path) ? side.oid : null);
        const [before, after] = [file(e.before), file(e.after)];
        if (before !== after) out.push({ path, before, after });
      }
    } else {
      const [fromTree, toTree] = await Promise.all([commitTree(from), commitTree(to)]);
      for (const d of dirs) {
        const [a, b] = await Promise.all([treeAt(fromTree, full(d)), treeAt(toTree, full(d))]);
        await compareTrees(a, b, d, isRecord, (path, before, after) => out.push({ path, before, after }));
      }
    }
    return out.sort(byPath);
  }

  /**
   * A path git listed in `commit` as a fleet-relative one under one of `dirs`, or null: outside them, or through a
   * hidden name (as the tree walks skip them). A name isomorphic-git refuses to read (`..`, `.git`, ...) is refused
   * here too (UnsafeTreeEntryError): git lists a crafted tree's entries as they are.
   */
  function fleetPath(path: string, dirs: readonly string[], commit: string): string | null {
    const rel = prefix === '' ? path : path.startsWith(`${prefix}/`) ? path.slice(prefix.length + 1) : null;
    if (rel === null || !dirs.some((d) => rel.startsWith(`${d}/`))) return null;
    const names = rel.split('/');
    const bad = names.find(reservedName);
    if (bad !== undefined) throw new UnsafeTreeEntryError(commit, rel.slice(rel.indexOf(bad)));
    return names.every(safeName) ? rel : null;
  }

  /** Calls `found` for each file under two trees (either may be null) whose blob differs; equal subtrees are skipped. */
  async function compareTrees(a: string | null, b: string | null, path: string, isRecord: (path: string) => boolean, found: (path: string, before: string | null, after: string | null) => void): Promise<void> {
    if (a === b) return;
    const [ta, tb] = await Promise.all([a ? readTree(a) : new Map<string, TreeEntry>(), b ? readTree(b) : new Map<string, TreeEntry>()]);
    const names = [...new Set([...ta.keys(), ...tb.keys()])].sort();
    for (const name of names) {
      if (!safeName(name)) continue; // as walkFleet: hidden entries are not records
      const ea = ta.get(name);
      const eb = tb.get(name);
      const sub = (e: TreeEntry | undefined): string | null => (e?.type === 'tree' ? e.oid : null);
      // A regular file only (symlinks, mode 120000, and submodules are not read from history).
      const file = (e: TreeEntry | undefined): string | null => (e?.type === 'blob' && e.mode !== '120000' && isRecord(`${path}/${name}`) ? e.oid : null);
      await compareTrees(sub(ea), sub(eb), `${path}/${name}`, isRecord, found);
      const [fa, fb] = [file(ea), file(eb)];
      if (fa !== fb) found(`${path}/${name}`, fa, fb);
    }
  }
  return objects;
}

/**
 * A tree entry name fleethub reads: not hidden (as walkFleet: `.git`, `.` and
 * `..` included), and one path segment. Git never writes a name with a slash
 * or a NUL, but a crafted tree object can hold one; read, it
 * could name a file outside the directory a revision is written into.
 */
function safeName(name: string): boolean {
  return !name.startsWith('.') && !/[/\u0000]/.test(name) && name !== '';
}

const PLAIN_NAME = /^[\w-][\w.-]*$/;

/** A name git never writes in a tree, as isomorphic-git's tree parser refuses them (git's verify_path): `.`, `..`, `.git` in its NTFS and HFS+ spellings, `git~1`, a backslash, an empty name. */
function reservedName(name: string): boolean {
  // The common case at once (30,000 names per listing): letters, digits, '_', '-' and '.', not first, no '~' or ':'.
  if (PLAIN_NAME.test(name)) return false;
  const hfsClean = name.replace(/[\u200C-\u200F\u202A-\u202E\u206A-\u206F\uFEFF]/g, '');
  const normalized = hfsClean.split(':')[0]!.toLowerCase().replace(/[. ]+$/, '');
  return name === '' || name.includes('\\') || hfsClean === '.' || hfsClean === '..' || normalized === '.git' || /^\.?git~[1-9]$/.test(normalized);
}

function byPath(x: { path: string }, y: { path: string }): number {
  return x.path < y.path ? -1 : x.path > y.path ? 1 : 0;
}
