/**
 * The commands' specs (name, summary, usage, options, reads) as the build
 * wrote them into commandSpecs.json next to this module, or null when that
 * file is missing (compiled with tsc alone): then main.ts loads the commands.
 */
import { readFileSync } from 'node:fs';
export const COMMAND_SPECS_URL = new URL('./commandSpecs.json', import.meta.url);
export function readCommandSpecs() {
    let text;
    try {
        text = readFileSync(COMMAND_SPECS_URL, 'utf8');
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return null;
        throw e;
    }
    return JSON.parse(text);
}
//# sourceMappingURL=commandSpecs.js.map