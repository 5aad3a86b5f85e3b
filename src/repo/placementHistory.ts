/**
 * When did each workload's placement first appear? Walks the Git history of
 * the fleet's repository with isomorphic-git and, for each workload file, each
 * placement its HEAD version declares (`host:<node>`, `target_host:<node>`)
 * and the date of the oldest commit of the most recent uninterrupted run in
 * which it is present: a workload that moved away and came back counts from
 * its return. It also tells a run that began with a move (the file was already
 * in the history, without that placement) from one that began with the file
 * itself: a file first committed with its placement says nothing about where
 * the workload ran before the file existed.
 *
 * - History is a graph: commits are visited once, parents before children. A
 *   placement present in a commit continues the earliest run among the parents
 *   that also have it (a merge does not restart a run one side already had);
 *   present in no parent, it starts a new run at that commit.
 * - A commit's date is its committer date: when the change landed in this
 *   history (a rebased or cherry-picked commit counts from when it was
 *   re-committed, not from when it was first written).
 * - A version of a file whose front matter cannot be parsed says nothing: the
 *   placements of the version before it carry on through it.
 * - Cost: trees are read once per tree id, blobs read and parsed once per blob
 *   id; a commit whose tree equals its parent's costs nothing, a directory whose
 *   tree did not change keeps its files' states whole, and a file whose blob did
 *   not change keeps its state. Objects are read through a synchronous,
 *   read-only file system client (readOnlyGitFs). About 0.2–0.4 s for 100
 *   commits × 100 files, about 1 s for 300 × 300 (3,000 changed versions).
 * - Without usable history (no repository, a shallow clone, no commit yet, an
 *   unreadable object) the answer says so instead of guessing.
 * - Memoised (optional `memo`, the cache's memo table): the answer depends only
 *   on HEAD's commit id (commits are content-addressed: the id fixes the whole
 *   history behind it), where the fleet sits in the work tree, the files asked
 *   for, and this walk's code; the key holds all four, so a new commit, another
 *   file list or another version of this module misses and walks again. HEAD is
 *   resolved without isomorphic-git where it can be (a loose or packed branch
 *   ref), and isomorphic-git is loaded only to walk.
 *
 * The file system is read here (this module is an edge); the evaluation is in
 * evaluateFreeze.ts.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Git from 'isomorphic-git';
import { jsYamlLibrary, yamlCoreSchema } from '../records/jsYamlLibrary.js';
import type { Memo } from '../records/memo.js';
import { locateRepository, readBranchRef, readOrEmpty, type Repository } from './gitRepository.js';
import { splitFrontMatter } from '../records/splitFrontMatter.js';
import { isomorphicGit } from './isomorphicGit.js';

export type HistoryUnavailableReason = 'not-a-repository' | 'shallow-clone' | 'no-commits' | 'unreadable';

export type PlacementHistory =
  | {
      available: true;
      /** file (as given) → placement key (`host:<node>` / `target_host:<node>`) → ISO date of the first commit of its current run. Files absent from HEAD have no entry. */
      firstSeen: Map<string, Map<string, string>>;
      /** file → the placement keys whose current run began with a move: in its first commit, the file was already in a parent, without the placement. */
      movedIn: Map<string, Set<string>>;
      /** HEAD's commit id. */
      head: string;
      /** Commits walked. */
      commits: number;
    }
  | { available: false; reason: HistoryUnavailableReason; detail: string };

/** The placement key of a workload field and node, as `firstSeen` uses it. */
export const placementKey = (field: 'host' | 'target_host', node: string): string => `${field}:${node}`;

/** Historical versions larger than this are not parsed (they carry the previous placements on). */
const MAX_BLOB_BYTES = 1 << 20;

interface FileState {
  /** The blob id of this version, null when the file does not exist in the commit. */
  oid: string | null;
  /** Placement key → its current run: start (ms since epoch), and whether it began with a move. */
  placements: ReadonlyMap<string, Run>;
}

interface Run {
  start: number;
  moved: boolean;
}

/** A directory holding workload files: its tree id (null when absent) and the state of each file in it, by name. */
interface DirState {
  oid: string | null;
  files: ReadonlyMap<string, FileState>;
}

/** Directory → its state, in one commit. States are immutable and shared between commits. */
type CommitState = ReadonlyMap<string, DirState>;

interface CommitInfo {
  oid: string;
  tree: string;
  parents: string[];
  ms: number;
}


const EMPTY: ReadonlyMap<string, Run> = new Map();
const ABSENT: FileState = { oid: null, placements: EMPTY };
const ABSENT_DIR: DirState = { oid: null, files: new Map() };

/**
 * @param dir   the fleet's root directory (it may be a subdirectory of the repository's work tree)
 * @param files workload files, relative to `dir`, `/`-separated
 * @param at    a commit to walk from instead of HEAD (fleethub diff evaluates other revisions)
 */
export async function placementHistory(dir: string, files: string[], memo?: Memo, at?: string): Promise<PlacementHistory> {
  const repo = locateRepository(resolve(dir));
  if (!repo) return { available: false, reason: 'not-a-repository', detail: `${dir} is not inside a Git work tree (no .git found in it or any parent directory)` };
  if (isShallow(repo)) {
    return { available: false, reason: 'shallow-clone', detail: `${repo.workdir} is a shallow clone: its oldest commits are missing, so every placement would look new` };
  }
  let head: string;
  try {
    head = at ?? (await resolveHead(repo));
  } catch (e) {
    // Only a branch that has no commit yet is "no commits"; an unreadable HEAD or a ref naming nothing is not.
    if (e instanceof UnbornBranch) return { available: false, reason: 'no-commits', detail: `the repository at ${repo.workdir} has no commits yet` };
    return { available: false, reason: 'unreadable', detail: `HEAD of ${repo.workdir} could not be read: ${(e as Error).message}` };
  }
  const prefix = relative(repo.workdir, resolve(dir)).split(sep).filter((s) => s !== '').join('/');
  const paths = new Map(files.map((f) => [f, prefix === '' ? normalise(f) : `${prefix}/${normalise(f)}`] as const));
  const key = memo ? memoKey(head, prefix, files) : '';
  const known = memo?.get(MEMO_NAME, key);
  if (known) return fromJson(known);
  const found = await walkHistory(repo, head, prefix, paths);
  if (memo && found.available) memo.set(MEMO_NAME, key, toJson(found));
  return found;
}

const MEMO_NAME = 'placement-history';
let ownSource: string | null = null;

/** What a walk's answer depends on: HEAD, the fleet's place in the work tree, the files (as given), this module's code. */
function memoKey(head: string, prefix: string, files: string[]): string {
  ownSource ??= createHash('sha256').update(fs.readFileSync(fileURLToPath(import.meta.url))).digest('hex');
  return createHash('sha256').update(JSON.stringify([ownSource, head, prefix, files])).digest('hex');
}

type Available = Extract<PlacementHistory, { available: true }>;

function toJson(h: Available): string {
  return JSON.stringify({ head: h.head, commits: h.commits, firstSeen: [...h.firstSeen].map(([f, m]) => [f, [...m]]), movedIn: [...h.movedIn].map(([f, s]) => [f, [...s]]) });
}

function fromJson(text: string): Available {
  const j = JSON.parse(text) as { head: string; commits: number; firstSeen: Array<[string, Array<[string, string]>]>; movedIn: Array<[string, string[]]> };
  return { available: true, head: j.head, commits: j.commits, firstSeen: new Map(j.firstSeen.map(([f, m]) => [f, new Map(m)])), movedIn: new Map(j.movedIn.map(([f, s]) => [f, new Set(s)])) };
}

async function walkHistory(repo: Repository, head: string, prefix: string, paths: Map<string, string>): Promise<PlacementHistory> {
  try {
    const walk = new HistoryWalk(repo.commondir, isomorphicGit());
    const commits = await walk.commits(head);
    if (prefix !== '' && (await walk.entryAt(commits.get(head)!.tree, prefix)) === null) {
      return { available: false, reason: 'not-a-repository', detail: `the repository at ${repo.workdir} does not track ${prefix}/ (the fleet is not part of its history)` };
    }
    const headState = await walk.run(commits, head, [...new Set(paths.values())]);
    const firstSeen = new Map<string, Map<string, string>>();
    const movedIn = new Map<string, Set<string>>();
    for (const [file, path] of paths) {
      const s = headState.get(path);
      if (!s || s.oid === null) continue;
      firstSeen.set(file, new Map([...s.placements].map(([k, run]) => [k, new Date(run.start).toISOString()] as const)));
      movedIn.set(file, new Set([...s.placements].filter(([, run]) => run.moved).map(([k]) => k)));
    }
    return { available: true, firstSeen, movedIn, head, commits: commits.size };
  } catch (e) {
    return { available: false, reason: 'unreadable', detail: `the Git history of ${repo.workdir} could not be read: ${(e as Error).message}` };
  }
}

const normalise = (file: string): string => file.split('\\').join('/').replace(/^\.\//, '');


function isShallow(repo: Repository): boolean {
  return [repo.gitdir, repo.commondir].some((g) => readOrEmpty(join(g, 'shallow')).trim() !== '');
}

/** HEAD names a branch that does not exist yet: a repository before its first commit. */
class UnbornBranch extends Error {}

async function resolveHead(repo: Repository): Promise<string> {
  const text = fs.readFileSync(join(repo.gitdir, 'HEAD'), 'utf8').trim();
  if (/^[0-9a-f]{40}$/.test(text)) return text;
  if (!text.startsWith('ref:')) throw new Error(`.git/HEAD holds neither a commit id nor a ref (${JSON.stringify(text.slice(0, 60))})`);
  const ref = text.slice(4).trim();
  const direct = readBranchRef(repo, ref);
  if (direct !== null) return direct;
  const git = isomorphicGit();
  try {
    return await git.resolveRef({ fs, gitdir: repo.commondir, ref });
  } catch (e) {
    if ((e as { code?: string }).code === 'NotFoundError' && ref.startsWith('refs/heads/') && !(await anyCommitRef(repo))) throw new UnbornBranch(ref);
    throw e;
  }
}



/** Whether any branch or tag exists (a fresh `git init` has none). */
async function anyCommitRef(repo: Repository): Promise<boolean> {
  const git = isomorphicGit();
  const [branches, tags] = await Promise.all([git.listBranches({ fs, gitdir: repo.commondir }), git.listTags({ fs, gitdir: repo.commondir })]);
  return branches.length > 0 || tags.length > 0;
}



/**
 * A read-only file system client for isomorphic-git, for one walk: reads are
 * synchronous (the walk reads thousands of small objects one after another, and
 * the thread pool's round trips dominated its time), directory listings are
 * read once, and a loose object absent from its directory's listing is missing
 * without a failed read (isomorphic-git looks for every object loose first,
 * then in the packs). Writes are refused.
 */
function readOnlyGitFs(): { promises: Record<string, (...args: never[]) => Promise<unknown>> } {
  const listings = new Map<string, Set<string> | Error>();
  const run = <T>(f: () => T): Promise<T> => {
    try {
      return Promise.resolve(f());
    } catch (e) {
      return Promise.reject(e as Error);
    }
  };
  // Thrown often (every packed object is looked for loose first, and isomorphic-git probes the client with
  // a bare readFile() on every call): one shared error, no stack to capture.
  const MISSING = Object.freeze({ code: 'ENOENT', message: 'no such file or directory' });
  const listing = (path: string): Set<string> => {
    let l = listings.get(path);
    if (l === undefined) {
      try {
        l = new Set(fs.readdirSync(path));
      } catch (e) {
        l = e as Error;
      }
      listings.set(path, l);
    }
    if (l instanceof Error) throw l;
    return l;
  };
  const LOOSE = /[\\/]objects[\\/][0-9a-f]{2}[\\/][0-9a-f]{38}$/;
  const refuse = (): Promise<never> => Promise.reject(Object.assign(new Error('read-only file system'), { code: 'EROFS' }));
  return {
    promises: {
      readFile: (path: string, options?: unknown) =>
        run(() => {
          if (typeof path !== 'string') throw MISSING;
          if (LOOSE.test(path)) {
            let has = false;
            try {
              has = listing(dirname(path)).has(path.slice(-38));
            } catch {
              has = false;
            }
            if (!has) throw MISSING;
          }
          return fs.readFileSync(path, options as { encoding?: null });
        }),
      readdir: (path: string) => run(() => [...listing(path)]),
      stat: (path: string) => run(() => fs.statSync(path)),
      lstat: (path: string) => run(() => fs.lstatSync(path)),
      readlink: (path: string) => run(() => fs.readlinkSync(path)),
      writeFile: refuse,
      mkdir: refuse,
      rmdir: refuse,
      unlink: refuse,
      symlink: refuse,
    },
  };
}

class HistoryWalk {
  /** isomorphic-git's object cache (pack indexes), shared by every call. */
  private readonly cache = {};
  private readonly fs = readOnlyGitFs() as unknown as typeof fs;
  private readonly trees = new Map<string, Map<string, { oid: string; type: string }>>();
  private readonly parsed = new Map<string, Set<string> | null>();

  constructor(
    private readonly gitdir: string,
    private readonly git: typeof Git,
  ) {}

  /** Every commit reachable from `head`, each read once (git.log would revisit commits reachable through several merges). */
  async commits(head: string): Promise<Map<string, CommitInfo>> {
    const all = new Map<string, CommitInfo>();
    const todo = [head];
    while (todo.length > 0) {
      const oid = todo.pop()!;
      if (all.has(oid)) continue;
      const { commit } = await this.git.readCommit({ fs: this.fs, gitdir: this.gitdir, oid, cache: this.cache });
      const when = commit.committer ?? commit.author;
      all.set(oid, { oid, tree: commit.tree, parents: commit.parent, ms: when.timestamp * 1000 });
      for (const p of commit.parent) if (!all.has(p)) todo.push(p);
    }
    return all;
  }

  /** Walks the commits parents first and returns HEAD's state of each path. */
  async run(commits: Map<string, CommitInfo>, head: string, paths: string[]): Promise<Map<string, FileState>> {
    // Files grouped by directory: a directory whose tree did not change keeps its parent's states whole.
    const groups = new Map<string, string[]>();
    for (const path of paths) {
      const cut = path.lastIndexOf('/');
      const dir = cut < 0 ? '' : path.slice(0, cut);
      groups.set(dir, [...(groups.get(dir) ?? []), path.slice(cut + 1)]);
    }
    const order = topological(commits, head);
    // How many children still need each commit's state (HEAD's is kept).
    const pending = new Map<string, number>();
    for (const c of commits.values()) for (const p of c.parents) pending.set(p, (pending.get(p) ?? 0) + 1);
    const states = new Map<string, CommitState>();
    for (const c of order) {
      const parents = c.parents.filter((p) => commits.has(p)).map((p) => ({ info: commits.get(p)!, state: states.get(p)! }));
      const only = parents.length === 1 ? parents[0]! : null;
      let state: CommitState;
      if (only && only.info.tree === c.tree) {
        state = only.state;
      } else {
        const next = new Map<string, DirState>();
        for (const [dir, names] of groups) {
          const entry = dir === '' ? { oid: c.tree, type: 'tree' } : await this.entryAt(c.tree, dir);
          const oid = entry?.type === 'tree' ? entry.oid : null;
          const before = parents.map((p) => p.state.get(dir) ?? ABSENT_DIR);
          if (only && before[0]!.oid === oid) {
            next.set(dir, before[0]!);
            continue;
          }
          const tree = oid === null ? null : await this.readTree(oid);
          const files = new Map<string, FileState>();
          for (const name of names) {
            const e = tree?.get(name);
            const blob = e?.type === 'blob' ? e.oid : null;
            files.set(name, await this.fileState(c, blob, before.map((d) => d.files.get(name) ?? ABSENT)));
          }
          next.set(dir, { oid, files });
        }
        state = next;
      }
      states.set(c.oid, state);
      for (const p of c.parents) {
        const left = (pending.get(p) ?? 1) - 1;
        pending.set(p, left);
        if (left === 0 && p !== head) states.delete(p);
      }
    }
    const result = new Map<string, FileState>();
    for (const [dir, d] of states.get(head)!) for (const [name, f] of d.files) result.set(dir === '' ? name : `${dir}/${name}`, f);
    return result;
  }

  private async fileState(c: CommitInfo, oid: string | null, parents: FileState[]): Promise<FileState> {
    if (oid === null) return ABSENT;
    if (parents.length === 1 && parents[0]!.oid === oid) return parents[0]!;
    const keys = (await this.placementsOf(oid)) ?? [...(parents[0]?.placements.keys() ?? [])];
    const placements = new Map<string, Run>();
    // A placement in no parent starts a run here: with a move when the file was already there.
    const fresh: Run = { start: c.ms, moved: parents.some((p) => p.oid !== null) };
    for (const key of keys) {
      let run: Run | undefined;
      for (const p of parents) {
        const r = p.placements.get(key);
        if (r !== undefined && (run === undefined || r.start < run.start)) run = r;
      }
      placements.set(key, run ?? fresh);
    }
    return { oid, placements };
  }

  /** The entry at `path` under a tree, or null. */
  async entryAt(tree: string, path: string): Promise<{ oid: string; type: string } | null> {
    let entry: { oid: string; type: string } = { oid: tree, type: 'tree' };
    for (const name of path.split('/')) {
      if (entry.type !== 'tree') return null;
      const next = (await this.readTree(entry.oid)).get(name);
      if (!next) return null;
      entry = next;
    }
    return entry;
  }

  private async readTree(oid: string): Promise<Map<string, { oid: string; type: string }>> {
    let t = this.trees.get(oid);
    if (!t) {
      const { tree } = await this.git.readTree({ fs: this.fs, gitdir: this.gitdir, oid, cache: this.cache });
      t = new Map(tree.map((e) => [e.path, { oid: e.oid, type: e.type }] as const));
      this.trees.set(oid, t);
    }
    return t;
  }

  /** The placement keys a version declares, or null when it cannot be read as a record. */
  private async placementsOf(oid: string): Promise<Set<string> | null> {
    if (this.parsed.has(oid)) return this.parsed.get(oid)!;
    const { blob } = await this.git.readBlob({ fs: this.fs, gitdir: this.gitdir, oid, cache: this.cache });
    const keys = blob.byteLength > MAX_BLOB_BYTES ? null : placementsIn(new TextDecoder().decode(blob));
    this.parsed.set(oid, keys);
    return keys;
  }
}

/** The placement keys of a workload file's text (front matter `host` and `target_host`), or null when unparseable. */
export function placementsIn(text: string): Set<string> | null {
  const split = splitFrontMatter(text.replace(/^\uFEFF/, ''));
  if (!split.ok) return null;
  let data: unknown;
  const jsyaml = jsYamlLibrary();
  try {
    data = jsyaml.load(split.yaml, { schema: yamlCoreSchema(), json: false });
  } catch {
    return null;
  }
  if (data === null || data === undefined) return new Set();
  if (typeof data !== 'object' || Array.isArray(data)) return null;
  const keys = new Set<string>();
  for (const field of ['host', 'target_host'] as const) {
    const v = (data as Record<string, unknown>)[field];
    if ((typeof v === 'string' && v.trim() !== '') || typeof v === 'number') keys.add(placementKey(field, String(v)));
  }
  return keys;
}

/** Commits ordered parents before children (iterative depth-first post-order from HEAD). */
function topological(commits: Map<string, CommitInfo>, head: string): CommitInfo[] {
  const order: CommitInfo[] = [];
  const done = new Set<string>();
  const stack: Array<{ c: CommitInfo; next: number }> = [{ c: commits.get(head)!, next: 0 }];
  const onStack = new Set([head]);
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const p = top.c.parents[top.next++];
    if (p === undefined) {
      stack.pop();
      done.add(top.c.oid);
      order.push(top.c);
      continue;
    }
    if (done.has(p) || onStack.has(p) || !commits.has(p)) continue;
    onStack.add(p);
    stack.push({ c: commits.get(p)!, next: 0 });
  }
  return order;
}
