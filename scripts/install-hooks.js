// Installs the pre-commit hook (simple-git-hooks) in a developer's checkout.
// Skipped in CI and wherever this is not a Git checkout of fleethub itself
// (a tarball, a dependency install), so clean clones and CI never break on it.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
if (process.env.CI || process.env.FLEETHUB_SKIP_HOOKS || !existsSync(join(root, '.git'))) process.exit(0);
try {
  execFileSync(process.execPath, [join(root, 'node_modules', 'simple-git-hooks', 'cli.js')], { cwd: root, stdio: 'inherit' });
} catch {
  console.warn('fleethub: could not install the pre-commit hook; run `npx simple-git-hooks` to retry');
}
