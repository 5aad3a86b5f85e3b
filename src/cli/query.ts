import { cachePath } from '../cache/cacheFile.js';
import { commandResult } from './commandResult.js';
import { refreshCache } from '../cache/refreshCache.js';
import { runQuery } from '../checks/runQuery.js';
import { QueryError, UsageError } from '../errors.js';
import { durationMs, MAX_TIMER_MS } from '../records/duration.js';
import { findRoot } from '../repo/findRoot.js';
import { renderTable } from '../report/renderTable.js';
import type { Command } from './command.js';

/** Defaults and bounds of a query's result (docs/cache.md). */
export const QUERY_TIMEOUT_MS = 30_000;
export const QUERY_MAX_ROWS = 1000;
export const QUERY_MAX_BYTES = 16 * 1024 * 1024;

export const query: Command = {
  name: 'query',
  summary: 'run a read-only SQL query over the cache',
  usage: `fleethub query "<sql>" [--timeout <duration>] [--max-rows <n>] [--format json]

Runs one read-only SELECT over the cache tables documented in docs/cache.md
and prints the rows as a table (or a JSON array). Writes are refused.
The query runs in a separate process and is stopped after --timeout (default
30s, at most 1h; Ctrl-C stops it at once). At most --max-rows rows (default
1000) and 16 MB of values are shown, the rest only counted; a value over 64 KB
is shortened with a marker saying how much was left out.
Exit codes: 0 the query ran, 1 it was stopped by --timeout, 2 a refused or
invalid query, or usage error.`,
  options: { timeout: { type: 'string' }, 'max-rows': { type: 'string' } },
  reads: true,
  async run(args, ctx) {
    const [sql, ...extra] = args.positionals;
    if (sql === undefined || extra.length > 0) throw new UsageError('give exactly one SQL string, quoted');
    const timeoutArg = args.values.timeout;
    const timeoutMs = typeof timeoutArg === 'string' ? durationMs(timeoutArg) : QUERY_TIMEOUT_MS;
    if (timeoutMs === null || timeoutMs === 0 || timeoutMs > MAX_TIMER_MS) throw new UsageError(`--timeout takes a duration from 1ms to 1h, like 500ms, 30s or 5m (got '${String(timeoutArg)}')`);
    const maxArg = args.values['max-rows'];
    const maxRows = typeof maxArg === 'string' ? (/^\d+$/.test(maxArg) ? Number(maxArg) : NaN) : QUERY_MAX_ROWS;
    if (!Number.isSafeInteger(maxRows)) throw new UsageError(`--max-rows takes a whole number, like 100 (got '${String(maxArg)}')`);
    const root = findRoot(ctx.cwd, ctx.root);
    (await refreshCache(root, { onProgress: ctx.progress('refreshing') })).db.close();
    const out = await runQuery(cachePath(root), { sql, maxRows, maxBytes: QUERY_MAX_BYTES }, timeoutMs);
    if (out.type === 'timeout') {
      const message = `the query did not finish within ${typeof timeoutArg === 'string' ? timeoutArg : '30s'}; stopped (give a longer --timeout, or make the query cheaper: fleethub query "EXPLAIN QUERY PLAN <sql>")`;
      ctx.log?.(`fleethub query: ${message}`);
      return { text: () => '', json: () => ({ error: { code: 'query-timeout', message }, result: commandResult([], 'error', { timeout: true }) }), problems: true };
    }
    if (out.type === 'error' && out.code === 'check-not-readonly') throw new QueryError(/more than one statement/.test(out.message) ? `${out.message}; run each query on its own` : 'only read-only queries (one SELECT) are allowed; the cache is rebuilt from the files, so edit the files instead', sql);
    if (out.type === 'error') throw new QueryError(`SQL error: ${out.message}`, sql);
    const { rows, count, columns } = out;
    const more = count - rows.length;
    const why = out.bytesCut ? `over ${QUERY_MAX_BYTES / 1024 / 1024} MB` : '--max-rows';
    const marker = more > 0 ? `\n… ${more.toLocaleString('en-US')} more row${more === 1 ? '' : 's'} not shown (${why})` : '';
    return {
      text: () => (count === 0 ? '(no rows)' : `${columns.length > 0 ? `${renderTable(columns, rows, { maxWidth: ctx.style.columns })}\n` : ''}(${count.toLocaleString('en-US')} row${count === 1 ? '' : 's'})${marker}`),
      json: () => rows,
      problems: false,
    };
  },
};
