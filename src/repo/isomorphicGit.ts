/**
 * isomorphic-git, loaded on first use with require: on Node its entry point
 * is CommonJS (index.cjs, 0.57 MB), and an ESM `import` of it first has the
 * whole file lexed for its export names, which costs more than loading it
 * (~0.15 s against ~0.06 s here). A command that never touches Git objects
 * never loads it.
 */
import { createRequire } from 'node:module';
import type Git from 'isomorphic-git';

const require = createRequire(import.meta.url);
let loaded: typeof Git | undefined;

export function isomorphicGit(): typeof Git {
  return (loaded ??= (require('isomorphic-git') as { default: typeof Git }).default);
}
