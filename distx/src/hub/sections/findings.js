/** Section `findings`: every finding of the offline evaluation (errors first, as reconcile lists them), with file:line:col and the hint. */
import { reconcileView } from './reconcileView.js';
export function findings(input) {
    return reconcileView(input.run).findings.map((f) => ({ code: f.code, severity: f.severity, record: f.record, file: f.file, line: f.line, col: f.column, message: f.message, hint: f.hint }));
}
//# sourceMappingURL=findings.js.map