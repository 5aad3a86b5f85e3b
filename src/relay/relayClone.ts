/**
 * The relay's own clone of upstream: a bare repository under
 * `.fleethub/relay/<hash of the URL>`, fetched with isomorphic-git. It has no
 * working tree and no index, so nothing the relay does can touch the user's
 * checkout or race with their git. It is always a full clone: a shallow one
 * (left by something else) is thrown away and fetched again, because a push
 * from a shallow clone is never attempted.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { STATE_DIR } from '../repo/ensureStateDir.js';
import type { GitTransport } from './gitTransport.js';
import { redactUrl } from './redactUrl.js';
import { isomorphicGit } from '../repo/isomorphicGit.js';

const git = isomorphicGit();

export interface UpstreamHead {
  gitdir: string;
  branch: string;
  /** The branch's commit at upstream, or null when the branch does not exist there yet. */
  head: string | null;
}

/** The clone of an upstream: named by a hash of its redacted address, so no secret (nor a hash of one) is in a file name. */
export function relayCloneDir(root: string, url: string): string {
  return join(root, STATE_DIR, 'relay', createHash('sha256').update(redactUrl(url)).digest('hex').slice(0, 16));
}

/**
 * Fetches upstream's branch (the given one, or upstream's default) into the
 * relay clone, creating it when needed, through the transport. The fetched
 * head is kept as the local `refs/heads/<branch>` (and HEAD points at it), so
 * the next fetch tells upstream what it already has and downloads only what
 * is new. The clone's configuration holds only the printable address
 * (redactUrl); the address used, and any credentials, stay in memory.
 */
export async function fetchUpstream(gitdir: string, transport: GitTransport, branch: string | null): Promise<UpstreamHead> {
  if (fs.existsSync(join(gitdir, 'shallow'))) removeRelayClone(gitdir);
  if (!fs.existsSync(join(gitdir, 'HEAD'))) await createRelayClone(gitdir, transport.shown);
  const known = branch ?? (await rememberedBranch(gitdir));
  const got = await transport.fetch(gitdir, known);
  if (got.head) {
    await git.writeRef({ fs, gitdir, ref: `refs/heads/${got.branch}`, value: got.head, force: true });
    await git.writeRef({ fs, gitdir, ref: 'HEAD', value: `refs/heads/${got.branch}`, symbolic: true, force: true });
  }
  return { gitdir, branch: got.branch, head: got.head };
}

/**
 * A new, empty clone, made aside and renamed into place: a relay killed while
 * making it leaves a directory nobody reads, never a clone without its remote
 * (which every later fetch would fail on). Leftovers of such kills are deleted.
 */
async function createRelayClone(gitdir: string, shown: string): Promise<void> {
  // Something without HEAD where the clone goes (a clone begun before this was atomic) is not a clone; leftovers go with it.
  removeRelayClone(gitdir);
  fs.mkdirSync(dirname(gitdir), { recursive: true });
  const fresh = `${gitdir}.new-${process.pid}-${Date.now()}`;
  await git.init({ fs, gitdir: fresh, bare: true });
  // isomorphic-git's fetch reads its refspec from a remote's configuration: the printable address, never the one used.
  await git.addRemote({ fs, gitdir: fresh, remote: 'origin', url: shown, force: true });
  fs.renameSync(fresh, gitdir);
}

/**
 * Relay clones written by fleethub before it kept addresses out of them: a
 * clone whose configuration names a remote with user information in its URL
 * (`https://user:secret@…`) is removed (clones are disposable).
 */
export function removeCredentialedClones(root: string): void {
  const dir = join(root, STATE_DIR, 'relay');
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) {
    const config = join(dir, name, 'config');
    let text: string;
    try {
      text = fs.readFileSync(config, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') continue;
      throw e;
    }
    if (/^\s*url\s*=\s*\S+:\/\/[^/\s]*@/im.test(text)) removeRelayClone(join(dir, name));
  }
}

/** The branch an earlier fetch found as upstream's default (HEAD → an existing refs/heads/<name>), or null. */
async function rememberedBranch(gitdir: string): Promise<string | null> {
  try {
    const target = await git.resolveRef({ fs, gitdir, ref: 'HEAD', depth: 1 });
    if (!target.startsWith('refs/heads/')) return null;
    await git.resolveRef({ fs, gitdir, ref: target });
    return target.slice('refs/heads/'.length);
  } catch {
    return null;
  }
}

/**
 * Removes a relay clone: renamed aside first (atomic), then deleted, so a
 * crash halfway leaves a directory nobody reads, never a clone with half its
 * objects. Leftovers of earlier removals, and of clones whose making was cut
 * short (createRelayClone), are deleted too.
 */
export function removeRelayClone(gitdir: string): void {
  const parent = dirname(gitdir);
  if (fs.existsSync(gitdir)) fs.renameSync(gitdir, `${gitdir}.removed-${process.pid}-${Date.now()}`);
  if (!fs.existsSync(parent)) return;
  const leftover = (name: string): boolean => name.startsWith(`${basename(gitdir)}.removed-`) || name.startsWith(`${basename(gitdir)}.new-`);
  for (const name of fs.readdirSync(parent)) if (leftover(name)) fs.rmSync(join(parent, name), { recursive: true, force: true });
}
