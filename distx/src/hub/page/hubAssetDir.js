/**
 * The directory the hub serves `/assets/<file>` from: the page's script, style sheet and icon,
 * kept in the repository at `src/hub/page/assets/`. tsc copies no assets, so from the compiled
 * `dist/src/hub/page/hubAssetDir.js` the folder is four levels up (the repository root), then
 * down into `src/`. Nothing is fetched from anywhere.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
export function hubAssetDir() {
    return join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'src', 'hub', 'page', 'assets');
}
//# sourceMappingURL=hubAssetDir.js.map