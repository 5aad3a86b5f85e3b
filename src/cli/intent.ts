/**
 * `fleethub intent sign <id> --key <file>` and `fleethub intent verify [ids...]`.
 * Signing adds or replaces that key's signature in the intent's front matter,
 * every other byte kept; verifying prints each intent's verdict against the
 * pinned trust root and exits 1 when any is refused.
 */
import { existsSync } from 'node:fs';
import { commandResult } from './commandResult.js';
import { join } from 'node:path';
import { refreshCache } from '../cache/refreshCache.js';
import { UsageError } from '../errors.js';
import { findRoot } from '../repo/findRoot.js';
import { formatFinding } from '../report/formatFinding.js';
import { readFleetTrust } from '../trust/readFleetTrust.js';
import type { IntentVerdict } from '../trust/trustTypes.js';
import { verifyFleetTrust } from '../trust/verifyFleetTrust.js';
import { checkAction } from './checkAction.js';
import type { Command, Context } from './command.js';
import { signRecordFile } from './signRecordFile.js';
import { trustIo } from './trustIo.js';

export const intent: Command = {
  name: 'intent',
  summary: 'sign an update intent, or verify every intent against the pinned trust root',
  usage: `fleethub intent sign <id> --key <private key file> [--key-id <id>]
fleethub intent verify [ids...] [--format json]

sign    signs registry/intents/<id>.md: the DSSE encoding of the canonical JSON
        (RFC 8785) of its front matter without signatures, kind and id bound in;
        adds the key's signature or replaces its earlier one, every other byte kept.
        The key id is the id trust.yaml gives its public key (or --key-id).
verify  each intent's verdict: trusted, or refused with each failing rule
        (file:line:col, code, hint). Needs a pinned trust root ('fleethub trust
        pin', or FLEETHUB_TRUST_ROOT). Exit 1 when any intent is refused.
See docs/trust.md.`,
  options: { key: { type: 'string' }, 'key-id': { type: 'string' } },
  reads: true,
  async run(args, ctx) {
    const [sub, ...ids] = args.positionals;
    const action = checkAction(sub, ['sign', 'verify'], "give 'sign <id> --key <file>' or 'verify [ids...]'");
    return action === 'sign' ? sign(ids, args.values, ctx) : verify(ids, ctx);
  },
};

async function sign(ids: string[], values: Record<string, unknown>, ctx: Context) {
  const [id, ...extra] = ids;
  if (id === undefined || extra.length > 0) throw new UsageError('give one intent id: fleethub intent sign <id> --key <file>');
  if (typeof values.key !== 'string') throw new UsageError('give the private key: --key <file> (fleethub keys gen makes one)');
  const root = findRoot(ctx.cwd, ctx.root);
  const file = `registry/intents/${id}.md`;
  if (!existsSync(join(root, file))) throw new UsageError(`no intent ${id} (${file} does not exist)`);
  const { key, signatures } = signRecordFile(root, file, 'intent', id, { cwd: ctx.cwd, keyFile: values.key, ...(typeof values['key-id'] === 'string' ? { keyId: values['key-id'] } : {}) });
  return {
    text: () =>
      `signed ${file} as ${key.id} (fingerprint ${key.fingerprint}); ${signatures} signature(s). 'fleethub intent verify ${id}' shows its verdict.${key.listed ? '' : `\nnote: policies/trust.yaml lists no key with this public key, so verify will not count this signature until a signed trust.yaml does (docs/trust.md)`}`,
    json: () => ({ id, file, key: key.id, fingerprint: key.fingerprint, listed: key.listed, signatures }),
    problems: false,
  };
}

async function verify(ids: string[], ctx: Context) {
  const root = findRoot(ctx.cwd, ctx.root);
  const { db } = await refreshCache(root, { onProgress: ctx.progress('refreshing') });
  let verdicts: IntentVerdict[];
  let chainFindings;
  try {
    const result = verifyFleetTrust(readFleetTrust(db, trustIo(root, ctx.env), new Date()));
    verdicts = result.verdicts;
    chainFindings = result.chain.findings;
  } finally {
    db.close();
  }
  const unknown = ids.filter((id) => !verdicts.some((v) => v.id === id));
  if (unknown.length > 0) throw new UsageError(`no intent ${unknown.join(', ')} (registry/intents/<id>.md)`);
  const shown = ids.length > 0 ? verdicts.filter((v) => ids.includes(v.id)) : verdicts;
  const result = commandResult([], 'error', { refused: shown.some((v) => !v.trusted) });
  return {
    text: () => {
      if (shown.length === 0) return 'no intents (registry/intents/ is empty)';
      const lines = shown.map((v) => (v.trusted ? `${ctx.style.green('trusted')}  ${v.id}  signed by ${v.signers.join(', ')}` : `${ctx.style.red('refused')}  ${v.id}  ${v.findings[0]?.code ?? ''}`));
      const details = shown.flatMap((v) => v.findings.map((f) => formatFinding(f, ctx.style)));
      const refused = shown.filter((v) => !v.trusted).length;
      return [...lines, ...(chainFindings.length > 0 ? ['', ...chainFindings.map((f) => formatFinding(f, ctx.style))] : []), ...(details.length > 0 ? ['', ...details] : []), '', refused === 0 ? `${shown.length} intent(s), all trusted` : `${refused} of ${shown.length} intent(s) refused`].join('\n');
    },
    json: () => ({
      intents: shown.map((v) => ({ id: v.id, trusted: v.trusted, signers: v.signers, findings: v.findings.map((f) => ({ code: f.code, message: f.message, file: f.file, line: f.line, column: f.col, hint: f.hint })) })),
      result,
    }),
    problems: result.exit === 1,
  };
}
