/**
 * A push over Git's smart HTTP protocol (receive-pack, protocol v0) of a pack
 * made in memory (packObjects.ts). Upstream's refs are listed with
 * isomorphic-git (listServerRefs: its authentication and "not a Git server"
 * errors, as its fetch gives them); when upstream's branch is no longer at
 * `old`, nothing is sent ('moved'); otherwise one POST carries the ref update
 * (old → new, never forced) and the pack, and upstream's report says whether
 * the ref was updated. isomorphic-git's own push walks every new commit's
 * whole tree and reads, inflates and compresses again each object it sends:
 * 200 one-file commits, the agents' reports of one tick, took it 2–5 s.
 * https://git-scm.com/docs/http-protocol, https://git-scm.com/docs/pack-protocol
 */
import type { HttpClient } from 'isomorphic-git';
import { isomorphicGit } from '../repo/isomorphicGit.js';

const ZERO = '0'.repeat(40);

export interface PackPush {
  /** The full ref name, `refs/heads/<branch>`. */
  ref: string;
  /** Where upstream's ref must be for the update: null when it must not exist yet. */
  old: string | null;
  new: string;
  pack: Buffer;
}

/** Upstream's word on the update: done, the ref moved meanwhile, or refused with its reason. */
export type PackPushResult = { status: 'pushed' } | { status: 'moved' } | { status: 'rejected'; reason: string };

function pktLine(text: string): Buffer {
  const payload = Buffer.from(text, 'utf8');
  return Buffer.concat([Buffer.from((payload.length + 4).toString(16).padStart(4, '0'), 'latin1'), payload]);
}

/** The pkt-lines of a body, up to its first flush packet. */
function pktLines(body: Buffer): string[] {
  const lines: string[] = [];
  for (let at = 0; at + 4 <= body.length; ) {
    const n = parseInt(body.toString('latin1', at, at + 4), 16);
    if (!Number.isFinite(n) || n === 0) break;
    if (n < 4) throw new Error(`a malformed pkt-line in upstream's push report`);
    lines.push(body.toString('utf8', at + 4, at + n).replace(/\n$/, ''));
    at += n;
  }
  return lines;
}

async function collect(body: AsyncIterableIterator<Uint8Array> | undefined): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  if (body) for await (const c of body) chunks.push(c);
  return Buffer.concat(chunks);
}

/** Why a reply is not a report: the shape of isomorphic-git's HttpError, so that the relay classifies both alike (classifyGitError). */
function httpError(statusCode: number, statusMessage: string, response: string): Error {
  return Object.assign(new Error(`HTTP Error: ${statusCode} ${statusMessage}`), { code: 'HttpError', data: { statusCode, statusMessage, response } });
}

export async function pushPack(http: HttpClient, url: string, headers: Record<string, string>, push: PackPush): Promise<PackPushResult> {
  const refs = await isomorphicGit().listServerRefs({ http, url, headers: { ...headers }, forPush: true, prefix: push.ref, protocolVersion: 1 });
  const current = refs.find((r) => r.ref === push.ref)?.oid ?? null;
  if (current !== push.old) return { status: 'moved' };
  const command = pktLine(`${push.old ?? ZERO} ${push.new} ${push.ref}\0report-status agent=fleethub\n`);
  const res = await http.request({
    method: 'POST',
    url: `${url}/git-receive-pack`,
    headers: { ...headers, 'content-type': 'application/x-git-receive-pack-request', accept: 'application/x-git-receive-pack-result' },
    body: [command, Buffer.from('0000', 'latin1'), push.pack] as unknown as AsyncIterableIterator<Uint8Array>,
  });
  const body = await collect(res.body);
  if (res.statusCode !== 200) throw httpError(res.statusCode, res.statusMessage, body.toString('utf8').slice(0, 500));
  const lines = pktLines(body);
  const unpack = lines.find((l) => l.startsWith('unpack '));
  if (unpack === undefined) throw Object.assign(new Error(`upstream's answer to the push is no report: ${body.toString('utf8').slice(0, 200)}`), { code: 'SmartHttpError' });
  if (unpack !== 'unpack ok') return { status: 'rejected', reason: unpack };
  const verdict = lines.find((l) => l.startsWith(`ok ${push.ref}`) || l.startsWith(`ng ${push.ref} `));
  if (verdict === undefined) throw Object.assign(new Error(`upstream's push report does not name ${push.ref}: ${lines.join('; ')}`), { code: 'SmartHttpError' });
  return verdict.startsWith('ok ') ? { status: 'pushed' } : { status: 'rejected', reason: verdict.slice(`ng ${push.ref} `.length) };
}
