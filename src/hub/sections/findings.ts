/** Section `findings`: every finding of the offline evaluation (errors first, as reconcile lists them), with file:line:col and the hint. */
import { reconcileView } from './reconcileView.js';
import type { HubInput } from '../hubInput.js';

export interface HubFinding {
  code: string;
  severity: 'error' | 'warning';
  record: string;
  file: string | null;
  line: number | null;
  col: number | null;
  message: string;
  hint: string;
}

export function findings(input: HubInput): HubFinding[] {
  return reconcileView(input.run).findings.map((f) => ({ code: f.code, severity: f.severity, record: f.record, file: f.file, line: f.line, col: f.column, message: f.message, hint: f.hint }));
}
