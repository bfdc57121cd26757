import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'typeorm';

/**
 * Counts the SQL statements each HTTP request issues, when SQL_STATS=1 (benchmarks, debugging):
 * the count goes out in the `X-SQL-Statements` response header. Off by default: it costs a little.
 */
const store = new AsyncLocalStorage<{ count: number }>();

export const sqlStatsEnabled = () => process.env.SQL_STATS === '1';

export class StatementCountingLogger implements Logger {
  logQuery() {
    const stats = store.getStore();
    if (stats) stats.count++;
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

export function sqlStatsMiddleware(_req: Request, res: Response, next: NextFunction) {
  const stats = { count: 0 };
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => Response;
  res.writeHead = ((...args: unknown[]) => {
    if (!res.headersSent) res.setHeader('X-SQL-Statements', String(stats.count));
    return writeHead(...args);
  }) as typeof res.writeHead;
  store.run(stats, next);
}
