import { cpSync, existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../errors.js';
import { fileIo } from './fileIo.js';
import { reconcile } from '../reconcile/reconcile.js';
import { SCHEMA_DIR } from '../records/schemaFiles.js';
import type { Command } from './command.js';

const TEMPLATE_DIR = fileURLToPath(new URL('../../../templates/init/', import.meta.url));

export const init: Command = {
  name: 'init',
  summary: 'scaffold a new fleet repository',
  usage: `fleethub init <dir>

Creates a fleet repository in <dir> (which must be empty or not exist):
registry/, workplans/, policies/ and status/ with an example of each kind,
the JSON Schemas wired up for yaml-language-server and VS Code, a pre-commit
hook (simple-git-hooks) and a Forgejo Actions workflow.`,
  options: {},
  reads: false,
  async run(args, ctx) {
    const [dir, ...extra] = args.positionals;
    if (dir === undefined || extra.length > 0) throw new UsageError('give exactly one directory');
    const target = resolve(ctx.cwd, dir);
    if (existsSync(target) && readdirSync(target).filter((f) => f !== '.git').length > 0) {
      throw new UsageError(`${target} is not empty; init only creates new fleet repositories`);
    }
    mkdirSync(target, { recursive: true });
    cpSync(TEMPLATE_DIR, target, { recursive: true });
    renameSync(join(target, 'gitignore.template'), join(target, '.gitignore'));
    cpSync(SCHEMA_DIR, join(target, 'schemas'), { recursive: true });
    // The first status/: modes, board and runtime registry as the files declare them (nothing probed yet).
    const first = await reconcile(fileIo(target), { probe: false, write: true, allowRemote: false });
    first.db?.close();
    const created = listFiles(target).filter((f) => !f.startsWith('.git/') && !f.startsWith('.fleethub/'));
    return { text: () => `created a fleet repository in ${target}:\n${created.map((f) => `  ${f}`).join('\n')}\n\nnext: cd ${dir} && npm install && fleethub validate`, problems: false };
  },
};

function listFiles(root: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(root, prefix), { withFileTypes: true })) {
    const p = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listFiles(root, p));
    else out.push(p);
  }
  return out.sort();
}
