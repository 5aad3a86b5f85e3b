/**
 * `fleethub keys gen <name> [--out <dir>]`: an ed25519 key pair for signing
 * intents or trust.yaml. The private key (PKCS#8 PEM, mode 0600) goes outside
 * the fleet's tracked directories; the public key, its fingerprint and the
 * lines to paste into policies/trust.yaml are printed.
 */
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { ID_PATTERN } from '../records/kinds.js';
import { findRoot } from '../repo/findRoot.js';
import { fingerprint, generateKey } from '../trust/ed25519.js';
import { checkAction } from './checkAction.js';
import type { Command } from './command.js';

const TRACKED = ['registry', 'workplans', 'policies', 'status'];

export const keys: Command = {
  name: 'keys',
  summary: 'generate an ed25519 signing key pair (intents, trust.yaml)',
  usage: `fleethub keys gen <name> [--out <dir>] [--format json]

Writes <dir>/<name>.pem (the private key, mode 0600) and <dir>/<name>.pub
(the public key), and prints the public key, its fingerprint (SHA-256 of the
raw key, hex) and the lines to add under keys: in policies/trust.yaml.
  --out <dir>   where to write (default: $XDG_CONFIG_HOME/fleethub/keys, or
                ~/.config/fleethub/keys); never inside the fleet repository
                (registry/, workplans/, policies/, status/ or anywhere else
                Git could commit it) but under its ignored .fleethub/
Keep the private key secret; never commit it.`,
  options: { out: { type: 'string' } },
  reads: true,
  async run(args, ctx) {
    const [sub, name, ...extra] = args.positionals;
    const usage = 'usage: fleethub keys gen <name> [--out <dir>]';
    checkAction(sub, ['gen'], usage);
    if (name === undefined || extra.length > 0) throw new UsageError(usage);
    if (!ID_PATTERN.test(name) || name.length > 64) throw new UsageError(`key name '${name}' must use letters, digits, '.', '_' and '-'`);
    const home = ctx.env.XDG_CONFIG_HOME || (ctx.env.HOME ? join(ctx.env.HOME, '.config') : null);
    const out = typeof args.values.out === 'string' ? resolve(ctx.cwd, args.values.out) : home ? join(home, 'fleethub', 'keys') : null;
    if (!out) throw new UsageError('no home directory to keep keys in: pass --out <dir>');
    refuseTracked(out, ctx);
    const pem = join(out, `${name}.pem`);
    if (existsSync(pem)) throw new UsageError(`${pem} exists; a key is never overwritten: choose another name, or move the old key aside`);
    const key = generateKey();
    try {
      mkdirSync(out, { recursive: true, mode: 0o700 });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'ENOTDIR' || code === 'EEXIST' ? 'a file is in the way (a path in it is a file, not a directory)' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? (e as Error).message);
      throw new UsageError(`cannot make the key directory ${out}: ${why}; pass --out with a directory you can write to`, { out, code: code ?? null });
    }
    writeFileSync(pem, key.privatePem, { mode: 0o600, flag: 'wx' });
    chmodSync(pem, 0o600);
    writeFileSync(join(out, `${name}.pub`), `${key.publicKey}\n`, { mode: 0o644 });
    const fp = fingerprint(key.publicKey);
    const yaml = [`  - id: ${name}`, '    algorithm: ed25519', `    public_key: "${key.publicKey}"`, '    roles: [release-manager]   # the roles this key may sign for'];
    return {
      text: () =>
        [
          `Key pair '${name}':`,
          `  private key  ${pem} (mode 0600: keep it secret, never commit it)`,
          `  public key   ${key.publicKey}`,
          `  fingerprint  ${fp}`,
          '',
          'Add it under keys: in policies/trust.yaml, then sign that new trust.yaml version',
          "with the root keys (fleethub trust sign --key <root key>):",
          ...yaml,
        ].join('\n'),
      json: () => ({ name, privateKey: pem, publicKey: key.publicKey, fingerprint: fp }),
      problems: false,
    };
  },
};

/** Refuses a directory inside the tracked fleet directories of the repository the command runs in. */
function refuseTracked(dir: string, ctx: { cwd: string; root?: string }): void {
  let root: string;
  try {
    root = findRoot(ctx.cwd, ctx.root);
  } catch {
    return;
  }
  const rel = relative(root, dir);
  if (rel.startsWith('..') || resolve(root, rel) !== dir) return;
  const top = rel.split(sep)[0] ?? '';
  // Anywhere in the repository but fleethub's own ignored state directory could be committed.
  if (top === '.fleethub') return;
  const where = TRACKED.includes(top) ? `${top}/ of the fleet repository` : 'the fleet repository';
  throw new UsageError(`refusing to write a private key into ${where} (it could be committed): pass --out with a directory outside the repository (or under .fleethub/, which Git ignores)`);
}
