import { checkSqlProblem } from '../checks/checkSqlProblem.js';
import { refreshCache } from '../cache/refreshCache.js';
import { QueryError, UsageError } from '../errors.js';
import { findRoot } from '../repo/findRoot.js';
import { renderTable } from '../report/renderTable.js';
import type { Command } from './command.js';

export const query: Command = {
  name: 'query',
  summary: 'run a read-only SQL query over the cache',
  usage: `fleethub query "<sql>" [--format json]

Runs one read-only SELECT over the cache tables documented in docs/cache.md
and prints the rows as a table (or a JSON array). Writes are refused.`,
  options: {},
  reads: true,
  async run(args, ctx) {
    const [sql, ...extra] = args.positionals;
    if (sql === undefined || extra.length > 0) throw new UsageError('give exactly one SQL string, quoted');
    const root = findRoot(ctx.cwd, ctx.root);
    const { db } = await refreshCache(root, { onProgress: ctx.progress('refreshing') });
    try {
      db.pragma('query_only = ON');
      const problem = checkSqlProblem(db, sql);
      if (problem?.code === 'check-not-readonly') throw new QueryError('only read-only queries (one SELECT) are allowed; the cache is rebuilt from the files, so edit the files instead', sql);
      if (problem) throw new QueryError(`SQL error: ${problem.message}`, sql);
      const stmt = db.prepare(sql);
      let rows: Array<Record<string, unknown>>;
      try {
        rows = stmt.all() as Array<Record<string, unknown>>;
      } catch (e) {
        throw new QueryError(`SQL error: ${(e as Error).message}`, sql);
      }
      const columns = stmt.columns().map((c) => c.name);
      return { text: () => rows.length === 0 ? '(no rows)' : `${renderTable(columns, rows)}\n(${rows.length} row${rows.length === 1 ? '' : 's'})`, json: () => rows, problems: false };
    } finally {
      db.close();
    }
  },
};
