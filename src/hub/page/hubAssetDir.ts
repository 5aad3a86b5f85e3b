/**
 * The directory the hub serves `/assets/<file>` from: the page's script and style sheet, kept in
 * the repository next to this file (`src/hub/page/assets/`). tsc copies no assets, so from the
 * compiled `dist/src/hub/page/hubAssetDir.js` the same folder is found four levels up (the
 * repository root), then down into `src/`. Nothing is fetched from anywhere.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function hubAssetDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const beside = join(here, 'assets');
  if (existsSync(join(beside, 'hub.js'))) return beside;
  return join(here, '..', '..', '..', '..', 'src', 'hub', 'page', 'assets');
}
