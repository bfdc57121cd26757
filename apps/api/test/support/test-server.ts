import { INestApplication, Type } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/create-app';
import { createDataSource } from '../../src/database/data-source';
import { prepareDatabase } from '../../src/database/prepare-database';
import { StatementCountingLogger } from '../../src/common/sql-stats';

export const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD as string;

export interface GqlResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown } }[];
}

/** A real Luoshi server on a random port, on the test database, spoken to over HTTP. */
export class TestServer {
  private constructor(
    readonly url: string,
    readonly dataSource: DataSource,
    private readonly app: INestApplication,
  ) {}

  /** countStatements: each response carries X-SQL-Statements (see common/sql-stats.ts). */
  /** webDir: serve a dashboard from there (as `npm start` does), to test what the API answers beside it. */
  static async start(options: { countStatements?: boolean; webDir?: string } = {}): Promise<TestServer> {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_DATABASE_URL is not set: run through apps/api/jest.config.cjs');
    if (options.countStatements) process.env.SQL_STATS = '1';
    const dataSource = createDataSource({ url, poolSize: 5, logger: options.countStatements ? new StatementCountingLogger() : undefined });
    await dataSource.initialize();
    await prepareDatabase(dataSource);
    const app = await createApp({ dataSource, logger: false, serveWeb: !!options.webDir, webDir: options.webDir });
    if (options.countStatements) delete process.env.SQL_STATS; // only this app counts
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address() as { port: number };
    return new TestServer(`http://127.0.0.1:${address.port}`, dataSource, app);
  }

  async gql<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GqlResponse<T>> {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GqlResponse<T>;
  }

  /** How many SQL statements a request ran (the server must have been started with countStatements). */
  async statements(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<number> {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as GqlResponse;
    if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
    return Number(res.headers.get('x-sql-statements'));
  }

  /** The data of a request that must succeed (fails the test with the errors otherwise). */
  async ok<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
    const res = await this.gql<T>(query, variables, token);
    if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
    return res.data as T;
  }

  async login(username: string, password: string): Promise<string> {
    const data = await this.ok<{ login: { accessToken: string } }>(
      `mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }`,
      { u: username, p: password },
    );
    return data.login.accessToken;
  }

  /** A provider of the running app (a service a test drives directly, such as a scheduled job). */
  resolve<T>(token: Type<T>): T {
    return this.app.get(token, { strict: false });
  }

  adminToken(): Promise<string> {
    return this.login('admin', ADMIN_PASSWORD);
  }

  async close(): Promise<void> {
    await this.app.close();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** The first error's code, for asserting refusals. */
export const codeOf = (res: GqlResponse<unknown>) => res.errors?.[0]?.extensions?.code;

let counter = 0;
/** A username no other test uses, so tests never depend on each other's order. */
export const uniqueName = (prefix: string) => `${prefix}_${process.pid}_${Date.now().toString(36)}_${counter++}`;
