import { escapeTerminal } from './escapeTerminal.js';
import { PLAIN } from './style.js';
export function formatFinding(f, style = PLAIN) {
    const sev = f.severity === 'error' ? style.red(`error[${f.code}]`) : style.yellow(`warning[${f.code}]`);
    const head = `${style.bold(`${escapeTerminal(f.file)}:${f.line}:${f.col}`)}: ${sev}: ${escapeTerminal(f.message)}`;
    return f.hint ? `${head}\n  ${style.dim(`hint: ${escapeTerminal(f.hint)}`)}` : head;
}
/** The JSON shape of a finding, as `validate --format json` prints it. */
export function findingJson(f) {
    const out = { file: f.file, line: f.line, column: f.col, severity: f.severity, code: f.code, message: f.message };
    if (f.hint)
        out.hint = f.hint;
    if (f.kind)
        out.kind = f.kind;
    if (f.id)
        out.id = f.id;
    return out;
}
//# sourceMappingURL=formatFinding.js.map