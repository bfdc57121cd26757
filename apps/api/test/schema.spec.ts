import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildClientSchema, buildSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema } from 'graphql';
import { Logger } from 'typeorm';
import { JIANGMEN_COUNTIES } from '@luoshi/domain';
import { parseNotice } from '@luoshi/notice-parser';
import { TestServer } from './support/test-server';
import { createDataSource } from '../src/database/data-source';
import { createApp } from '../src/create-app';
import { prepareDatabase } from '../src/database/prepare-database';
import { createScratchDatabase } from '../src/database/scratch-database';
import { loadNotice } from '../src/policy/notice-seed';
import { noticesDir } from '../src/common/project-paths';

describe('the schema and the cost of a request', () => {
  it('serves exactly the committed apps/api/schema.gql (regenerate with `npm run schema`)', async () => {
    const server = await TestServer.start();
    try {
      const served = buildClientSchema(await server.ok(getIntrospectionQuery()));
      const committed = buildSchema(readFileSync(join(__dirname, '../schema.gql'), 'utf8'));
      expect(printSchema(lexicographicSortSchema(served))).toBe(printSchema(lexicographicSortSchema(committed)));
    } finally {
      await server.close();
    }
  });

  it('reads the whole policy structure in a fixed number of SQL statements, however many notices', async () => {
    let statements = 0;
    const counter: Logger = {
      logQuery: () => void statements++,
      logQueryError: () => undefined,
      logQuerySlow: () => undefined,
      logSchemaBuild: () => undefined,
      logMigration: () => undefined,
      log: () => undefined,
    };
    // A database of its own: `policies` answers every notice there is, and the shared test database holds
    // whatever the other files have loaded by then (answers of many MB, and minutes, late in the suite).
    const scratch = await createScratchDatabase(process.env.TEST_SERVER_URL as string, 'luoshi_schema');
    const ds = createDataSource({ url: scratch.url, poolSize: 3, logger: counter });
    await ds.initialize();
    await prepareDatabase(ds);
    const app = await createApp({ dataSource: ds, logger: false, serveWeb: false });
    await app.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}/graphql`;
    const query = `{ policies { id sections { seq measures { seq } } measures { seq section { seq } responsibilities { role agency { name } }
      targets { name quotas { county { name } quota } } } } }`;
    const measure = async () => {
      statements = 0;
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
      const body = (await res.json()) as { data: { policies: unknown[] } };
      return { statements, policies: body.data.policies.length };
    };
    try {
      const one = await measure();
      // A second notice of the same kind: it loads through the same parser, and costs no statement more.
      const text = readFileSync(join(noticesDir(), 'jiangmen-2024-1.txt'), 'utf8').replace('江就辦〔2024〕1 號', '江就辦〔2024〕99 號');
      await ds.transaction((m) =>
        loadNotice(m, parseNotice(text, { counties: JIANGMEN_COUNTIES.map((c) => ({ name: c.name, regionCode: c.regionCode })) })),
      );
      const two = await measure();
      expect(two.policies).toBe(one.policies + 1);
      expect(two.statements).toBe(one.statements);
      expect(one.statements).toBeLessThanOrEqual(10);
    } finally {
      await app.close();
      await ds.destroy();
      await scratch.drop();
    }
  });
});
