import { rmSync } from 'node:fs';
import { Client } from 'pg';
import { BuiltServer, startBuiltServer, tempDataDir } from './built-server';

/**
 * The built server on a fresh database: a new database on DATABASE_URL's server when set (CI),
 * else the embedded PostgreSQL in a temp dir. `cleanup` drops or deletes it afterwards.
 */
/** A new empty database on DATABASE_URL's server; `url` points at it, `drop` removes it. */
export async function freshDatabase(serverUrl: string, prefix = 'luoshi_browser'): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function freshServer(
  adminPassword: string,
  /** More settings for the server, e.g. DEMO_DATA: '0' for an empty database. */
  env: Record<string, string | undefined> = {},
): Promise<{ server: BuiltServer; cleanup: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const db = await freshDatabase(serverUrl);
    // On a real PostgreSQL the app runs as deployed, in production mode (no drain wait when a test
    // stops it) — unless the test wants demo data, which production refuses.
    const mode = env.DEMO_DATA === '1' ? {} : { NODE_ENV: 'production', SHUTDOWN_DRAIN_MS: '0' };
    const server = await startBuiltServer({ ...mode, ...env, DATABASE_URL: db.url, ADMIN_PASSWORD: adminPassword });
    return { server, cleanup: db.drop };
  }
  const dataDir = tempDataDir('luoshi-browser-');
  const server = await startBuiltServer({ ...env, DATABASE_URL: undefined, DATA_DIR: dataDir, ADMIN_PASSWORD: adminPassword });
  return { server, cleanup: async () => rmSync(dataDir, { recursive: true, force: true }) };
}
