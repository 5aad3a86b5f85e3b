/** Section `checks`: each named check with its severity, whether it passed (a failing warning-severity check is not ok for the page but does not fail the fleet) and the rows that failed. */
import type { HubInput } from '../hubInput.js';

export interface HubCheck {
  id: string;
  title: string | null;
  severity: string;
  status: 'pass' | 'fail' | 'error' | 'timeout' | 'not-run';
  ok: boolean;
  count: number;
  message: string;
  failing_rows: Array<Record<string, unknown>>;
}

export function checks(input: HubInput): HubCheck[] {
  const { run } = input;
  const defined = run.db.prepare('SELECT id, title, severity FROM checks ORDER BY file, line, id').all() as Array<{ id: string; title: string | null; severity: string }>;
  return defined.map((c) => {
    const r = run.checkResults.get(c.id);
    if (!r) return { ...c, status: 'not-run', ok: false, count: 0, message: 'not run', failing_rows: [] };
    return { ...c, status: r.status, ok: r.status === 'pass', count: r.count, message: r.message, failing_rows: r.status === 'fail' ? r.rows : [] };
  });
}
