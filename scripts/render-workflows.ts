/**
 * Writes this repository's Forgejo Actions workflows from their one source,
 * templates/workflows/ (`npm run workflows`); test/workflows.test.ts fails
 * while .forgejo/workflows/ is not what this renders. `fleethub init` renders
 * the same templates for a fleet repository.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderWorkflows } from '../src/cli/renderWorkflows.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
for (const w of renderWorkflows('repository')) {
  const path = join(REPO, w.path);
  if (existsSync(path) && readFileSync(path, 'utf8') === w.text) {
    console.log(`unchanged ${w.path}`);
    continue;
  }
  writeFileSync(path, w.text);
  console.log(`wrote ${w.path}`);
}
