import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { grantAppRole, roleOf } from '../src/database/app-role';
import { createDataSource } from '../src/database/data-source';
import { prepareDatabase } from '../src/database/prepare-database';
import { createApp } from '../src/create-app';
import { ADMIN_PASSWORD } from './support/test-server';

/**
 * Least privilege: migrations run as the owner, the API as a role that reads and writes rows, may
 * only add to the audit, and can alter no table (so it cannot switch off the audit's triggers).
 */
describe('the database roles', () => {
  const role = `luoshi_app_${process.pid}_${Date.now().toString(36)}`;
  let owner: DataSource;
  let appUrl: string;

  beforeAll(async () => {
    owner = createDataSource({ url: process.env.TEST_DATABASE_URL!, poolSize: 2 });
    await owner.initialize();
    await prepareDatabase(owner);
    await owner.query(`CREATE ROLE ${role} LOGIN PASSWORD 'app-role-pass'`);
    await grantAppRole(owner, role);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.username = role;
    url.password = 'app-role-pass';
    appUrl = url.toString();
  });
  afterAll(async () => {
    await owner.query(`DROP OWNED BY ${role}`).catch(() => undefined);
    await owner.query(`DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
    await owner.destroy();
  });

  async function asApp<T>(work: (c: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: appUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }
  const refusedAsApp = (sql: string) =>
    asApp((c) => c.query(sql)).then(
      () => 'allowed',
      (e: Error) => e.message,
    );

  it('may add to the audit and read it, but not change, delete, truncate or unprotect it', async () => {
    await asApp((c) => c.query(`INSERT INTO audit_record (username, action, entity, entity_id) VALUES ('t', 'test.insert', 'test', '1')`));
    expect(
      await asApp(async (c) => (await c.query(`SELECT count(*)::int AS n FROM audit_record WHERE action = 'test.insert'`)).rows[0].n),
    ).toBe(1);
    expect(await refusedAsApp(`UPDATE audit_record SET action = 'x'`)).toMatch(/permission denied/);
    expect(await refusedAsApp(`DELETE FROM audit_record`)).toMatch(/permission denied/);
    expect(await refusedAsApp(`TRUNCATE audit_record`)).toMatch(/permission denied/);
    expect(await refusedAsApp(`ALTER TABLE audit_record DISABLE TRIGGER ALL`)).toMatch(/must be owner/);
    expect(await refusedAsApp(`ALTER TABLE progress_report ADD COLUMN x int`)).toMatch(/must be owner/);
    expect(await refusedAsApp(`CREATE TABLE sneaky (id int)`)).toMatch(/permission denied/);
    expect(await refusedAsApp(`DELETE FROM schema_migration`)).toMatch(/permission denied/);
  });

  it('may write, read and delete attachment bytes (the chunk table added after the first grants)', async () => {
    const key = `00000000-0000-4000-8000-${String(process.pid).padStart(12, '0')}`;
    await asApp((c) => c.query(`INSERT INTO attachment_chunk (storage_key, seq, bytes) VALUES ($1, 0, '\\x255044462d')`, [key]));
    expect(
      await asApp(async (c) =>
        (await c.query(`SELECT bytes FROM attachment_chunk WHERE storage_key = $1`, [key])).rows[0].bytes.toString(),
      ),
    ).toBe('%PDF-');
    await asApp((c) => c.query(`DELETE FROM attachment_chunk WHERE storage_key = $1`, [key]));
    expect(await refusedAsApp(`ALTER TABLE attachment_chunk ALTER COLUMN bytes SET STORAGE MAIN`)).toMatch(/must be owner/);
  });

  it('runs the API as that role: sign-in, writes and readiness work; it does not own the tables', async () => {
    const dataSource = createDataSource({ url: appUrl, poolSize: 3 });
    await dataSource.initialize();
    const app = await createApp({ dataSource, logger: false, serveWeb: false });
    try {
      expect(await roleOf(dataSource)).toEqual({ role, ownsTables: false, superuser: false });
      // Nothing to migrate: the app role can prepare (seeding is a no-op) without owning anything.
      await prepareDatabase(dataSource);
      await app.listen(0, '127.0.0.1');
      const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
      expect((await fetch(`${base}/health/ready`)).status).toBe(200);
      const gql = async (query: string, variables: Record<string, unknown>, token?: string) =>
        (await (
          await fetch(`${base}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
            body: JSON.stringify({ query, variables }),
          })
        ).json()) as {
          data?: Record<string, { accessToken?: string; id?: string }>;
          errors?: unknown[];
        };
      const login = await gql(`mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }`, {
        u: 'admin',
        p: ADMIN_PASSWORD,
      });
      expect(login.errors).toBeUndefined();
      const created = await gql(
        `mutation ($i: CreateUserInput!) { createUser(input: $i) { id } }`,
        { i: { username: `${role}_u`, password: 'role-user-pass-1', role: 'LEADER' } },
        login.data!.login.accessToken,
      );
      expect(created.errors).toBeUndefined();
    } finally {
      await app.close();
      await dataSource.destroy();
    }
  });
});
