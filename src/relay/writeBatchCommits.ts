/**
 * Turns the planner's batches into commits in the relay's clone, one commit
 * per batch, each on top of the one before, the first on upstream's head:
 * blobs for the changed files, trees rewritten only along the changed paths,
 * written as loose objects directly (writeLooseObject: atomic and fast).
 * Each commit's author is the batch's writer, its message says what the
 * events did, and its trailer lists their ids (`Fleethub-Event: <id>`).
 * Returns the commits and every object they added (the push sends those:
 * packObjects.ts); a tree written for one batch is kept in memory for the
 * next, not read back from disk.
 */
import fs from 'node:fs';
import { describeEvent } from '../reconcile/outboxEvent.js';
import type { RelayBatch } from './planRelay.js';
import { serializeTree, type TreeItem } from './serializeTree.js';
import { writeLooseObject, type GitObject, type GitObjectType } from './writeLooseObject.js';
import { isomorphicGit } from '../repo/isomorphicGit.js';

const git = isomorphicGit();

/** How many events a commit message describes line by line before it only counts the rest. */
const DESCRIBED = 20;

export interface BatchCommits {
  /** One per batch, in order; the last is the new head. */
  commits: string[];
  /** Every object the commits have that their parent's tree has not (blobs, trees, commits), each once. */
  objects: GitObject[];
}

/** What one call writes: the objects, by id, and the entries of the trees among them. */
interface Written {
  objects: Map<string, GitObject>;
  trees: Map<string, TreeItem[]>;
  cache: object;
}

function write(gitdir: string, into: Written, type: GitObjectType, content: Uint8Array): string {
  const oid = writeLooseObject(gitdir, type, content);
  if (!into.objects.has(oid)) into.objects.set(oid, { oid, type, content });
  return oid;
}

export async function writeBatchCommits(gitdir: string, parent: string | null, batches: readonly RelayBatch[], now: Date, cache: object): Promise<BatchCommits> {
  const commits: string[] = [];
  const written: Written = { objects: new Map(), trees: new Map(), cache };
  let tree = parent ? (await git.readCommit({ fs, gitdir, oid: parent, cache })).commit.tree : null;
  let head = parent;
  const timestamp = Math.floor(now.getTime() / 1000);
  for (const batch of batches) {
    const blobs = new Map<string, string>();
    for (const [path, text] of batch.changes) blobs.set(path, write(gitdir, written, 'blob', Buffer.from(text, 'utf8')));
    tree = await updateTree(gitdir, tree, blobs, written);
    const w = batch.events[0]!.writer;
    const who = `${clean(w.name) || 'fleethub'} <${clean(w.email)}> ${timestamp} +0000`;
    const body = `tree ${tree}\n${head ? `parent ${head}\n` : ''}author ${who}\ncommitter ${who}\n\n${commitMessage(batch)}`;
    head = write(gitdir, written, 'commit', Buffer.from(body, 'utf8'));
    commits.push(head);
  }
  return { commits, objects: [...written.objects.values()] };
}

/** Names and emails in a commit header may not hold '<', '>' or line breaks. */
function clean(s: string): string {
  return s.replace(/[<>\r\n]+/g, ' ').trim();
}

export function commitMessage(batch: RelayBatch): string {
  const n = batch.events.length;
  const w = batch.events[0]!.writer;
  const lines = batch.events.slice(0, DESCRIBED).map((e) => `- ${describeEvent(e)}`);
  if (n > DESCRIBED) lines.push(`- … and ${n - DESCRIBED} more`);
  const subject = n === 1 ? `fleethub: ${describeEvent(batch.events[0]!)}` : `fleethub: ${n} events from ${w.name}`;
  return `${subject}\n\n${lines.join('\n')}\n\n${batch.events.map((e) => `Fleethub-Event: ${e.id}`).join('\n')}\n`;
}

/** A tree's entries: one this call wrote, from memory; any other, read from the clone. */
async function treeEntries(gitdir: string, oid: string, written: Written): Promise<TreeItem[]> {
  const mine = written.trees.get(oid);
  if (mine) return mine;
  return (await git.readTree({ fs, gitdir, oid, cache: written.cache })).tree.map((e) => ({ mode: e.mode, name: e.path, oid: e.oid, type: e.type }));
}

/** A tree with `blobs` (path → blob id) put in, rewriting only the trees on their paths. */
async function updateTree(gitdir: string, oid: string | null, blobs: ReadonlyMap<string, string>, written: Written): Promise<string> {
  const entries = new Map<string, TreeItem>();
  if (oid) for (const e of await treeEntries(gitdir, oid, written)) entries.set(e.name, e);
  const below = new Map<string, Map<string, string>>();
  for (const [path, blob] of blobs) {
    const slash = path.indexOf('/');
    if (slash < 0) {
      const mode = entries.get(path)?.type === 'blob' ? entries.get(path)!.mode : '100644';
      entries.set(path, { mode, name: path, oid: blob, type: 'blob' });
      continue;
    }
    const dir = path.slice(0, slash);
    if (!below.has(dir)) below.set(dir, new Map());
    below.get(dir)!.set(path.slice(slash + 1), blob);
  }
  for (const [dir, inner] of below) {
    const existing = entries.get(dir);
    const sub = await updateTree(gitdir, existing?.type === 'tree' ? existing.oid : null, inner, written);
    entries.set(dir, { mode: '40000', name: dir, oid: sub, type: 'tree' });
  }
  const items = [...entries.values()];
  const tree = write(gitdir, written, 'tree', serializeTree(items));
  written.trees.set(tree, items);
  return tree;
}
