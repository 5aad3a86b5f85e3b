/**
 * The `yaml` package, loaded on first use (it costs ~0.1 s to load, and only
 * an error's exact position needs it): a command on a fleet without errors,
 * or one that never reads YAML, does not pay for it.
 */
import { createRequire } from 'node:module';
let loaded;
export function yamlLibrary() {
    return (loaded ??= createRequire(import.meta.url)('yaml'));
}
//# sourceMappingURL=yamlLibrary.js.map