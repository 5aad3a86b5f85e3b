/**
 * `fleethub check [ids...]`: runs the named checks (policies of kind checks)
 * offline — the reconcile loop up to and including the checks step — and shows
 * each one's status with, for failing checks, the rows that failed.
 */
import { UsageError } from '../errors.js';
import type { CheckResult } from '../reconcile/reconcileContext.js';
import { reconcile } from '../reconcile/reconcile.js';
import { fileIo } from '../reconcile/fileIo.js';
import { checks as checksStep } from '../reconcile/steps/checks.js';
import { load } from '../reconcile/steps/load.js';
import { validate } from '../reconcile/steps/validate.js';
import { findRoot } from '../repo/findRoot.js';
import { renderTable } from '../report/renderTable.js';
import type { Style } from '../report/style.js';
import type { Command } from './command.js';

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
  usage: `fleethub check [ids...] [--format json]

Runs the named checks of policies/*.yaml (kind: checks), or only the given
ids, each read-only against the cache with its time limit (timeout, default
5s), and prints pass / fail / error / timeout with the rows that failed.
Exit codes: 0 every check passes, 1 a check fails, errors or times out,
2 usage (an unknown check id) or internal error.`,
  options: {},
  reads: true,
  async run(args, ctx) {
    const root = findRoot(ctx.cwd, ctx.root);
    const ids = args.positionals.length > 0 ? [...new Set(args.positionals)] : undefined;
    let infos: CheckInfo[] = [];
    const known = async (c: Parameters<typeof load>[0]): Promise<void> => {
      infos = c.db!.prepare('SELECT id, title, severity FROM checks ORDER BY file, line, id').all() as CheckInfo[];
      const unknown = (ids ?? []).filter((id) => !infos.some((i) => i.id === id));
      if (unknown.length > 0) {
        const list = infos.map((i) => i.id).join(', ');
        throw new UsageError(`unknown check id${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')} (${list ? `known: ${list}` : 'no checks are defined'})`, { unknown });
      }
    };
    const result = await reconcile(fileIo(root), { probe: false, write: false, allowRemote: false }, [load, validate, known, (c) => checksStep(c, ids)]);
    result.db?.close();
    const selected = ids ? infos.filter((i) => ids.includes(i.id)) : infos;
    const out: CheckJson[] = selected.map((i) => {
      const r = result.checkResults.get(i.id) ?? { status: 'error' as const, count: 0, message: 'not run', rows: [] };
      return { id: i.id, title: i.title, severity: i.severity, status: r.status, count: r.count, message: r.message, rows: r.rows };
    });
    const ok = out.every((c) => c.status === 'pass');
    return { text: () => checksText(out, ctx.style), json: () => ({ ok, checks: out }), problems: !ok };
  },
};

function checksText(checks: CheckJson[], style: Style): string {
  if (checks.length === 0) return 'no checks defined (add a policies/*.yaml of kind: checks)';
  const paint = (c: CheckJson): string => (c.status === 'pass' ? style.green('pass') : c.severity === 'warning' && c.status === 'fail' ? style.yellow('fail') : style.red(c.status));
  const out = [renderTable(['id', 'status', 'title', 'why'], checks.map((c) => ({ id: c.id, status: paint(c), title: c.title, why: c.message })))];
  for (const c of checks) {
    if (c.status !== 'fail' || c.rows.length === 0) continue;
    const shown = c.rows.slice(0, SHOWN_ROWS);
    const columns = [...new Set(shown.flatMap((r) => Object.keys(r)))];
    out.push('', `${style.bold(c.id)}: ${c.count} row${c.count === 1 ? '' : 's'}${c.count > shown.length ? `, first ${shown.length} shown` : ''}`);
    out.push(...renderTable(columns, shown).split('\n').map((l) => `  ${l}`));
  }
  const count = (s: CheckResult['status']): number => checks.filter((c) => c.status === s).length;
  const failed = checks.length - count('pass');
  const parts = [`${count('pass')} passed`, `${count('fail')} failed`, ...(count('error') ? [`${count('error')} could not run`] : []), ...(count('timeout') ? [`${count('timeout')} timed out`] : [])];
  out.push('', failed === 0 ? style.green(`all ${checks.length} checks pass`) : style.red(`${parts.join(', ')} (of ${checks.length})`));
  return out.join('\n');
}
