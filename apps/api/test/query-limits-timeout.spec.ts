import { QueryRunner } from 'typeorm';
import { MIGRATIONS } from '../src/database/migrations';
import { TestServer } from './support/test-server';

/**
 * The second line behind the query limits: PostgreSQL cancels any statement of the API that runs
 * longer than DB_STATEMENT_TIMEOUT_MS, and the client gets TIMEOUT with a clear message.
 */
describe('the statement timeout', () => {
  let server: TestServer;

  beforeAll(async () => {
    process.env.DB_STATEMENT_TIMEOUT_MS = '400';
    try {
      server = await TestServer.start();
    } finally {
      delete process.env.DB_STATEMENT_TIMEOUT_MS;
    }
  });
  afterAll(() => server.close());

  it('is every pooled connection’s setting, also the one that waited for the migration lock', async () => {
    const settings = await Promise.all(Array.from({ length: 5 }, () => server.dataSource.query('SHOW statement_timeout')));
    expect(settings.map((rows: { statement_timeout: string }[]) => rows[0].statement_timeout)).toEqual(Array(5).fill('400ms'));
  });

  it('cancels a read stuck behind a lock: TIMEOUT with a Chinese message, and the API answers again once the lock is gone', async () => {
    const locker = server.dataSource.createQueryRunner();
    await locker.connect();
    await locker.startTransaction();
    try {
      await locker.query('LOCK TABLE policy IN ACCESS EXCLUSIVE MODE');
      const started = Date.now();
      const res = await server.gql('{ policies { id } }');
      expect(res.errors?.[0]).toMatchObject({ message: expect.stringContaining('请求超时'), extensions: { code: 'TIMEOUT' } });
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await locker.rollbackTransaction();
      await locker.release();
    }
    expect((await server.ok<{ policies: unknown[] }>('{ policies { id } }')).policies.length).toBeGreaterThan(0);
  });

  it('answers a download stuck behind a lock with 503 and TIMEOUT too, not a 500', async () => {
    const token = await server.adminToken();
    const [{ id }] = await server.dataSource.query(`SELECT id FROM reporting_period LIMIT 1`);
    const [{ agency }] = await server.dataSource.query(`SELECT id AS agency FROM agency WHERE kind = 'COUNTY' LIMIT 1`);
    const locker = server.dataSource.createQueryRunner();
    await locker.connect();
    await locker.startTransaction();
    try {
      await locker.query('LOCK TABLE reporting_period IN ACCESS EXCLUSIVE MODE');
      const res = await fetch(`${server.url}/reports/template.xlsx?periodId=${id}&agencyId=${agency}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ code: 'TIMEOUT', message: expect.stringContaining('请求超时') });
    } finally {
      await locker.rollbackTransaction();
      await locker.release();
    }
  });

  it('does not hold for migrations: each lifts it for its own transaction, and keeps its name', async () => {
    expect(server.dataSource.migrations.map((m) => m.name)).toEqual(MIGRATIONS.map((M) => new M().name));
    const queries: string[] = [];
    const recorder = { query: async (sql: string) => void queries.push(sql) } as unknown as QueryRunner;
    await server.dataSource.migrations[0].up(recorder);
    expect(queries[0]).toBe('SET LOCAL statement_timeout = 0');
    expect(queries.length).toBeGreaterThan(1);
  });
});
