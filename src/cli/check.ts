/**
 * `fleethub check [ids...]`: runs the named checks (policies of kind checks)
 * offline — the reconcile loop up to and including the checks step — and shows
 * each one's status with, for failing checks, the rows that failed.
 */
import { checkSeverity } from '../checks/checkSeverity.js';
import { UsageError } from '../errors.js';
import type { CheckResult } from '../checks/checkResult.js';
import { reconcile } from '../reconcile/reconcile.js';
import { fileIo } from './fileIo.js';
import { checks as checksStep } from '../reconcile/steps/checks.js';
import { load } from '../reconcile/steps/load.js';
import { validate } from '../reconcile/steps/validate.js';
import { findRoot } from '../repo/findRoot.js';
import { renderTable } from '../report/renderTable.js';
import type { Style } from '../report/style.js';
import type { Command } from './command.js';
import { commandResult } from './commandResult.js';
import { FAIL_ON_OPTION, FAIL_ON_USAGE, failOn } from './failOn.js';

/** Failing rows shown under a failing check in the text output. */
const SHOWN_ROWS = 10;

interface CheckInfo {
  id: string;
  title: string;
  severity: string;
}

export interface CheckJson {
  id: string;
  title: string;
  severity: string;
  status: CheckResult['status'];
  count: number;
  message: string;
  rows: Array<Record<string, unknown>>;
}

export const check: Command = {
  name: 'check',
  summary: 'run the named checks (read-only SQL over the cache) and show what fails',
  usage: `fleethub check [ids...] [--fail-on error|warning|none] [--format json]

Runs the named checks of policies/*.yaml (kind: checks), or only the given
ids, each read-only against the cache with its time limit (timeout, default
5s), and prints pass / fail / error / timeout with the rows that failed. A
failing check of severity: warning is shown as a warning and does not fail
the command (unless --fail-on warning); a check that errors or times out is
an error.
${FAIL_ON_USAGE}
Exit codes: 0 no check failed at or above --fail-on, 1 one did (by default: a
check of severity error failed, or a check errored or timed out), 2 usage (an
unknown check id) or internal error.`,
  options: { ...FAIL_ON_OPTION },
  reads: true,
  async run(args, ctx) {
    const fail = failOn(args);
    const root = findRoot(ctx.cwd, ctx.root);
    const ids = args.positionals.length > 0 ? [...new Set(args.positionals)] : undefined;
    let infos: CheckInfo[] = [];
    const known = async (c: Parameters<typeof load>[0]): Promise<void> => {
      infos = c.db.prepare('SELECT id, title, severity FROM checks ORDER BY file, line, id').all() as CheckInfo[];
      const unknown = (ids ?? []).filter((id) => !infos.some((i) => i.id === id));
      if (unknown.length > 0) {
        const list = infos.map((i) => i.id).join(', ');
        throw new UsageError(`unknown check id${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')} (${list ? `known: ${list}` : 'no checks are defined'})`, { unknown });
      }
    };
    const result = await reconcile(fileIo(root), { probe: false, write: false, allowRemote: false, checks: ids }, [load, validate, known, checksStep]);
    result.db?.close();
    const selected = ids ? infos.filter((i) => ids.includes(i.id)) : infos;
    const out: CheckJson[] = selected.map((i) => {
      const r = result.checkResults.get(i.id) ?? { status: 'error' as const, count: 0, message: 'not run', rows: [] };
      return { id: i.id, title: i.title, severity: i.severity, status: r.status, count: r.count, message: r.message, rows: r.rows };
    });
    const ok = out.every((c) => c.status === 'pass' || checkSeverity(c.severity, c.status) === 'warning');
    const failing = out.flatMap((c) => (c.status === 'pass' ? [] : [{ severity: checkSeverity(c.severity, c.status) }]));
    const verdict = commandResult(failing, fail);
    return { text: () => checksText(out, ctx.style), json: () => ({ ok, checks: out, result: verdict }), problems: verdict.exit === 1 };
  },
};

function checksText(checks: CheckJson[], style: Style): string {
  if (checks.length === 0) return 'no checks defined (add a policies/*.yaml of kind: checks)';
  const warns = (c: CheckJson): boolean => c.status !== 'pass' && checkSeverity(c.severity, c.status) === 'warning';
  const paint = (c: CheckJson): string => (c.status === 'pass' ? style.green('pass') : warns(c) ? style.yellow('fail (warning)') : style.red(c.status));
  const out = [renderTable(['id', 'status', 'title', 'why'], checks.map((c) => ({ id: c.id, status: paint(c), title: c.title, why: c.message })), { maxWidth: style.columns })];
  for (const c of checks) {
    if (c.status !== 'fail' || c.rows.length === 0) continue;
    const shown = c.rows.slice(0, SHOWN_ROWS);
    const columns = [...new Set(shown.flatMap((r) => Object.keys(r)))];
    out.push('', `${style.bold(c.id)}: ${c.count} row${c.count === 1 ? '' : 's'}${c.count > shown.length ? `, first ${shown.length} shown (${c.rows.length === c.count ? `'fleethub check ${c.id} --format json' has them all` : `'fleethub check ${c.id} --format json' has the first ${c.rows.length}; 'fleethub query' with the check's sql lists them all`})` : ''}`);
    out.push(...renderTable(columns, shown, { maxWidth: style.columns - 2 }).split('\n').map((l) => `  ${l}`));
  }
  const count = (s: CheckResult['status']): number => checks.filter((c) => c.status === s && !warns(c)).length;
  const warnings = checks.filter(warns).length;
  const failed = checks.length - count('pass') - warnings;
  const parts = [
    `${count('pass')} passed`,
    ...(count('fail') ? [`${count('fail')} failed`] : []),
    ...(warnings ? [`${warnings} failed with a warning`] : []),
    ...(count('error') ? [`${count('error')} could not run`] : []),
    ...(count('timeout') ? [`${count('timeout')} timed out`] : []),
  ];
  const summary = `${parts.join(', ')} (of ${checks.length})`;
  out.push('', failed > 0 ? style.red(summary) : warnings > 0 ? style.yellow(summary) : style.green(`all ${checks.length} checks pass`));
  return out.join('\n');
}
