/** Step 2: validation findings from the cache; records with errors are not Valid. */
import { readFindings } from '../../cache/readFindings.js';
import { setCondition } from '../condition.js';
import type { ReconcileContext } from '../reconcileContext.js';

export async function validate(ctx: ReconcileContext): Promise<void> {
  for (const f of readFindings(ctx.db!)) {
    const record = f.kind && f.id ? `${f.kind}:${f.id}` : f.file;
    ctx.findings.push({ code: f.code, severity: f.severity, record, message: f.message, file: f.file, line: f.line, col: f.col, ...(f.hint ? { hint: f.hint } : {}) });
    if (f.severity === 'error') setCondition(ctx.conditions, record, { type: 'Valid', status: 'False', reason: 'ValidationFailed', message: `${f.file}:${f.line}:${f.col}: ${f.message}` });
  }
}
