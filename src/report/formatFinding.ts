/**
 * `path:line:col: error[code]: message` followed by the hint, as compilers print them;
 * the file and message escaped for the terminal (a newline or ESC in a file name stays on one line). Pure.
 */
import type { Finding } from '../records/finding.js';
import { escapeTerminal } from './escapeTerminal.js';
import { PLAIN, type Style } from './style.js';

export function formatFinding(f: Finding, style: Style = PLAIN): string {
  const sev = f.severity === 'error' ? style.red(`error[${f.code}]`) : style.yellow(`warning[${f.code}]`);
  const head = `${style.bold(`${escapeTerminal(f.file)}:${f.line}:${f.col}`)}: ${sev}: ${escapeTerminal(f.message)}`;
  return f.hint ? `${head}\n  ${style.dim(`hint: ${escapeTerminal(f.hint)}`)}` : head;
}

/** The JSON shape of a finding, as `validate --format json` prints it. */
export function findingJson(f: Finding): Record<string, unknown> {
  const out: Record<string, unknown> = { file: f.file, line: f.line, column: f.col, severity: f.severity, code: f.code, message: f.message };
  if (f.hint) out.hint = f.hint;
  if (f.kind) out.kind = f.kind;
  if (f.id) out.id = f.id;
  return out;
}
