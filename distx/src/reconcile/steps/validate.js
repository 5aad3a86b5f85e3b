/** Step 2: validation findings from the cache. */
import { readFindings } from '../../cache/readFindings.js';
export async function validate(ctx) {
    ctx.findings.push(...readFindings(ctx.db));
}
//# sourceMappingURL=validate.js.map