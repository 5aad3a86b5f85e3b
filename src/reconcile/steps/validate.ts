/** Step 2: validation findings from the cache. */
import { readFindings } from '../../cache/readFindings.js';
import type { ReconcileContext } from '../reconcileContext.js';

export async function validate(ctx: ReconcileContext): Promise<void> {
  ctx.findings.push(...readFindings(ctx.db));
}
