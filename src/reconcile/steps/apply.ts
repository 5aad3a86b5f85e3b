/** Step 6: with --write, write the changed artifacts; without it, each change is reported as drift. */
import type { ReconcileContext } from '../reconcileContext.js';

export async function apply(ctx: ReconcileContext): Promise<void> {
  for (const change of ctx.changes) {
    const artifact = ctx.artifacts.find((a) => a.path === change.path)!;
    if (ctx.options.write) {
      ctx.io.writeText(change.path, artifact.text);
      continue;
    }
    ctx.findings.push({
      code: 'generated-drift',
      severity: 'warning',
      record: change.path,
      message: change.action === 'create' ? `${change.path} does not exist yet; run fleethub reconcile --write` : `${change.path} no longer matches what the files produce; run fleethub reconcile --write`,
      file: change.path,
    });
  }
}
