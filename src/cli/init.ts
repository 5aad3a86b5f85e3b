import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../errors.js';
import { fileIo } from './fileIo.js';
import { reconcile } from '../reconcile/reconcile.js';
import { SCHEMA_DIR } from '../records/schemaFiles.js';
import type { Command } from './command.js';
import { prepareInitTarget } from './prepareInitTarget.js';
import { renderWorkflows } from './renderWorkflows.js';
import { isomorphicGit } from '../repo/isomorphicGit.js';

/** This fleethub: the checkout (or installed package) the running CLI comes from. */
const FLEETHUB_DIR = fileURLToPath(new URL('../../../', import.meta.url));
const TEMPLATE_DIR = join(FLEETHUB_DIR, 'templates', 'init');
const FLEETHUB_BIN = join(FLEETHUB_DIR, 'bin', 'fleethub.js');
const quote = (s: string): string => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

export const init: Command = {
  name: 'init',
  summary: 'scaffold a new fleet repository',
  usage: `fleethub init <dir>

Creates a fleet repository in <dir> (which must be an empty directory or not
exist; a file, a symlink or a pseudo file system such as /proc is refused):
registry/, workplans/, policies/ and status/ with an example of each kind,
the JSON Schemas wired up for yaml-language-server and VS Code (policies and
the Markdown records' front matter), a pre-commit hook (simple-git-hooks, with
fleethub taken from this installation), Forgejo Actions workflows, and an
initialised Git repository. It prints the commands to run next, with the path
of this fleethub's bin/fleethub.js (no published package needed).`,
  options: {},
  reads: false,
  async run(args, ctx) {
    const [dir, ...extra] = args.positionals;
    if (dir === undefined || extra.length > 0) throw new UsageError('give exactly one directory');
    const target = resolve(ctx.cwd, dir);
    const { hadGit } = prepareInitTarget(target);
    cpSync(TEMPLATE_DIR, target, { recursive: true });
    renameSync(join(target, 'gitignore.template'), join(target, '.gitignore'));
    // The fleethub dependency is this installation, so `npm install` works without a published package.
    const pkg = join(target, 'package.json');
    writeFileSync(pkg, readFileSync(pkg, 'utf8').replace('"file:FLEETHUB_DIR"', JSON.stringify(`file:${FLEETHUB_DIR.replace(/\/$/, '')}`)));
    cpSync(SCHEMA_DIR, join(target, 'schemas'), { recursive: true });
    // The workflows this repository runs too, rendered for a fleet repository (templates/workflows/, docs/forgejo.md).
    for (const w of renderWorkflows('fleet')) {
      mkdirSync(dirname(join(target, w.path)), { recursive: true });
      writeFileSync(join(target, w.path), w.text);
    }
    // Git first, so the first status/ is what a reconcile in the new repository produces.
    if (!hadGit) {
      const git = isomorphicGit();
      await git.init({ fs, dir: target, defaultBranch: 'main' });
    }
    // The first status/: modes, board and runtime registry as the files declare them (nothing probed yet).
    const first = await reconcile(fileIo(target), { probe: false, write: true, allowRemote: false });
    first.db?.close();
    const created = listFiles(target).filter((f) => !f.startsWith('.git/') && !f.startsWith('.fleethub/'));
    const fleethub = `node ${quote(FLEETHUB_BIN)}`;
    const rel = relative(ctx.cwd, target);
    const cd = rel === '' ? '.' : rel.startsWith('..') ? target : rel;
    const next = [
      `next (${hadGit ? 'the Git repository was already there' : 'a Git repository was initialised'}; fleethub runs from ${FLEETHUB_DIR.replace(/\/$/, '')}):`,
      `  cd ${quote(cd)}`,
      `  ${fleethub} validate`,
      `  ${fleethub} status`,
      `  git add -A && git commit -m "fleet repository"`,
      `  ${fleethub} reconcile --write && git add status && git commit -m "status from the first commit"   # the board dates placements from Git history, which starts now`,
      `  npm install        # optional: the pre-commit hook, and npx fleethub from this installation`,
    ];
    return { text: () => `created a fleet repository in ${target}:\n${created.map((f) => `  ${f}`).join('\n')}\n\n${next.join('\n')}`, problems: false };
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
