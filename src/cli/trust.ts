/**
 * `fleethub trust pin|sign|verify`: the root of trust. `pin` records the
 * current trust.yaml root (version, root keys, threshold) in .fleethub/ after
 * showing it; it never moves a pin backwards or to a root that does not chain
 * from it. `sign` adds a root key's signature to trust.yaml; `verify` shows the
 * chain from the pin to the current version.
 */
import { chmodSync, mkdirSync } from 'node:fs';
import { commandResult } from './commandResult.js';
import { dirname, join } from 'node:path';
import { UsageError } from '../errors.js';
import { findRoot } from '../repo/findRoot.js';
import { writeFileAtomically } from '../repo/writeFileAtomically.js';
import { formatFinding } from '../report/formatFinding.js';
import { fingerprint } from '../trust/ed25519.js';
import { PIN_FILE, readPin, readTrustVersions, TRUST_FILE } from '../trust/readFleetTrust.js';
import { rootOf, verifyTrustChain, type ChainResult, type PinnedRoot } from '../trust/verifyTrustChain.js';
import { checkAction } from './checkAction.js';
import type { Command, Context } from './command.js';
import { signRecordFile } from './signRecordFile.js';
import { trustIo } from './trustIo.js';

export const trust: Command = {
  name: 'trust',
  summary: 'pin, sign and verify the root of trust (policies/trust.yaml)',
  usage: `fleethub trust pin [--yes]
fleethub trust sign --key <root private key file> [--key-id <id>]
fleethub trust verify [--format json]

pin     shows the root of the current policies/trust.yaml (version, root keys
        with fingerprints, threshold) and records it in ${PIN_FILE}, outside
        what Git carries; every verification starts from it. It asks first
        (--yes: do not ask). A pin never moves backwards, and moves forward only
        along a chain of signed versions. CI and agents set FLEETHUB_TRUST_ROOT
        (a file path, or the pin's JSON) instead.
sign    adds the key's signature to policies/trust.yaml (or replaces its
        earlier one), every other byte kept. A new version needs a threshold of
        the previous version's root keys and of its own.
verify  the chain from the pinned version to the current one; exit 1 when refused.
See docs/trust.md.`,
  options: { key: { type: 'string' }, 'key-id': { type: 'string' }, yes: { type: 'boolean' } },
  reads: true,
  async run(args, ctx) {
    const [sub, ...extra] = args.positionals;
    const action = checkAction(sub, ['pin', 'sign', 'verify'], "give 'pin', 'sign --key <file>' or 'verify'");
    if (extra.length > 0) throw new UsageError(`unexpected '${extra.join(' ')}'`);
    const root = findRoot(ctx.cwd, ctx.root);
    if (action === 'pin') return pin(root, args.values.yes === true, ctx);
    if (action === 'sign') return sign(root, args.values, ctx);
    return verifyChain(root, ctx);
  },
};

function describeRoot(r: PinnedRoot): string[] {
  return [`version ${r.version}, threshold ${r.threshold} of ${r.keys.length} root key(s):`, ...r.keys.map((k) => `  ${k.id}  ${fingerprint(k.publicKey)}`)];
}

async function pin(root: string, yes: boolean, ctx: Context) {
  const versions = readTrustVersions(trustIo(root, ctx.env));
  const current = versions[versions.length - 1];
  const candidate = current ? rootOf(current.data) : null;
  if (!current || !candidate) throw new UsageError(`${TRUST_FILE} has no version and root to pin (see docs/trust.md)`);
  // The root must sign itself; an existing pin moves only along the chain.
  const self = verifyTrustChain(candidate, [current]);
  if (!self.ok) throw new UsageError(`refusing to pin: ${self.findings.map((f) => f.message).join('; ')}`);
  const existing = readPin(trustIo(root, ctx.env));
  if (existing) {
    const chain = verifyTrustChain(existing.pin, versions);
    if (!chain.ok) throw new UsageError(`refusing to move the pin (${existing.source}, version ${existing.pin.version}): ${chain.findings.map((f) => f.message).join('; ')}`);
  }
  const shown = [`The root of ${TRUST_FILE}:`, ...describeRoot(candidate)];
  if (!yes) {
    if (!ctx.confirm) {
      // The root is shown all the same (on stderr), so it can be checked before pinning with --yes.
      for (const line of shown) ctx.log?.(line);
      throw new UsageError(`no terminal to ask: check the root's fingerprints above with their key holders ('fleethub trust verify' shows them too), then run 'fleethub trust pin --yes'`);
    }
    if (!(await ctx.confirm(`${shown.join('\n')}\nPin this root? [y/N] `))) return { text: () => 'not pinned', json: () => ({ pinned: false, result: commandResult([], 'error', { refused: true }) }), problems: true };
  }
  const path = join(root, PIN_FILE);
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  chmodSync(dirname(path), 0o700);
  writeFileAtomically(path, `${JSON.stringify(candidate, null, 2)}\n`);
  return { text: () => [...shown, `pinned in ${PIN_FILE}`].join('\n'), json: () => ({ pinned: true, root: candidate }), problems: false };
}

async function sign(root: string, values: Record<string, unknown>, ctx: Context) {
  if (typeof values.key !== 'string') throw new UsageError('give a root private key: --key <file>');
  const { key, data, signatures } = signRecordFile(root, TRUST_FILE, 'trust', 'trust', { cwd: ctx.cwd, keyFile: values.key, ...(typeof values['key-id'] === 'string' ? { keyId: values['key-id'] } : {}) });
  return {
    text: () => `signed ${TRUST_FILE} version ${String(data.version)} as ${key.id} (fingerprint ${key.fingerprint}); ${signatures} signature(s)`,
    json: () => ({ file: TRUST_FILE, version: data.version, key: key.id, signatures }),
    problems: false,
  };
}

async function verifyChain(root: string, ctx: Context) {
  const pinned = readPin(trustIo(root, ctx.env));
  const versions = readTrustVersions(trustIo(root, ctx.env));
  const result: ChainResult = verifyTrustChain(pinned?.pin ?? null, versions);
  // Unpinned: the root the current trust.yaml declares, to check with its key holders before 'fleethub trust pin'.
  const last = versions[versions.length - 1];
  const declared = pinned ? null : last ? rootOf(last.data) : null;
  return {
    text: () =>
      [
        ...(pinned ? [`pinned (${pinned.source}): ${describeRoot(pinned.pin).join('\n')}`] : ['no pinned root']),
        ...(declared ? [`${TRUST_FILE} declares the root: ${describeRoot(declared).join('\n')}`, "check these fingerprints with the root key holders, then: fleethub trust pin"] : []),
        result.ok ? ctx.style.green(result.chain.length === 1 ? `trusted: version ${result.chain[0]}, the pinned one` : `trusted: versions ${result.chain.join(' → ')} chain from the pin`) : ctx.style.red('refused:'),
        ...result.findings.map((f) => formatFinding(f, ctx.style)),
      ].join('\n'),
    json: () => ({ trusted: result.ok, pinned: pinned?.pin ?? null, ...(pinned ? {} : { declared: declared && { ...declared, keys: declared.keys.map((k) => ({ ...k, fingerprint: fingerprint(k.publicKey) })) } }), chain: result.chain, findings: result.findings.map((f) => ({ code: f.code, message: f.message, file: f.file, line: f.line, column: f.col, hint: f.hint })), result: commandResult([], 'error', { refused: !result.ok }) }),
    problems: !result.ok,
  };
}
