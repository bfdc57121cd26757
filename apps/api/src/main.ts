import './register-paths';
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { createApp } from './create-app';
import { grantAppRole, roleOf } from './database/app-role';
import { createDataSource } from './database/data-source';
import { EmbeddedDatabase, startEmbeddedPostgres } from './database/embedded-postgres';
import { PreparedDatabase, prepareDatabase } from './database/prepare-database';
import { demoWanted } from './demo/demo-data';
import { drainAndClose, shutdownTimings } from './health/graceful-shutdown';
import { printBanner } from './start-banner';
import { productionRefusals } from './common/production-refusals';
import { sqlStatsEnabled, StatementCountingLogger } from './common/sql-stats';

const log = new Logger('Luoshi');
/** Start-up progress for the person at the terminal: plain lines, without Nest's log prefixes. */
const say = (line: string) => process.stdout.write(`[落實] ${line}\n`);

/**
 * Migrations and seeding run as the tables' owner: MIGRATION_DATABASE_URL when set (then the API's
 * own DATABASE_URL role gets only the rights it needs), else the API's own connection.
 */
async function prepare(app: DataSource, demo: boolean): Promise<PreparedDatabase> {
  const ownerUrl = process.env.MIGRATION_DATABASE_URL;
  if (!ownerUrl) return prepareDatabase(app, { demo });
  const owner = createDataSource({ url: ownerUrl, poolSize: 2 });
  await owner.initialize();
  try {
    const prepared = await prepareDatabase(owner, { demo });
    const { role } = await roleOf(app);
    await grantAppRole(owner, role);
    say(`已为数据库角色 ${role} 授予运行所需的最小权限`);
    return prepared;
  } finally {
    await owner.destroy();
  }
}

async function main() {
  const started = Date.now();
  const migrateOnly = process.argv.includes('migrate');
  const refusals = productionRefusals();
  if (refusals.length) throw new Error(refusals.join('\n'));
  const port = Number(process.env.PORT ?? 3000);
  let embedded: EmbeddedDatabase | undefined;
  let url = process.env.DATABASE_URL;
  if (!url) {
    const dataDir = resolve(process.env.DATA_DIR ?? 'data');
    say(`未设置 DATABASE_URL:使用内置 PostgreSQL,数据保存在 ${dataDir}`);
    embedded = await startEmbeddedPostgres(dataDir, say);
    url = embedded.url;
  }

  const dataSource = createDataSource({
    url,
    poolSize: Number(process.env.DB_POOL_SIZE ?? 10),
    logger: sqlStatsEnabled() ? new StatementCountingLogger() : undefined,
  });
  await dataSource.initialize();
  const prepared = await prepare(dataSource, demoWanted(!!embedded));
  for (const m of prepared.migrations) say(`已执行数据库迁移 ${m}`);
  for (const n of prepared.notices) say(n.loaded ? `已载入政策文件 ${n.docNumber}` : `政策文件 ${n.docNumber} 已在库中`);
  if (migrateOnly) {
    await dataSource.destroy();
    say('数据库已就绪(仅迁移,未启动服务)');
    return;
  }
  const role = await roleOf(dataSource);
  if (!embedded && (role.ownsTables || role.superuser)) {
    log.warn(
      `The API connects as ${role.role}, which ${role.superuser ? 'is a superuser' : 'owns the tables'}: it could alter the audit. Run it as a role of its own (see README, Security).`,
    );
  }

  // Nest's own start-up lines (module by module) are noise to a newcomer; warnings and errors stay.
  const app = await createApp({ dataSource, logger: process.env.LOG_LEVEL === 'debug' ? undefined : ['error', 'warn'] });
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      if (stopping) return;
      stopping = true;
      say('正在停止…');
      // A person pressing Ctrl-C wants it gone; an orchestrator's SIGTERM gets the drain.
      const timings = signal === 'SIGINT' ? { ...shutdownTimings(), drainMs: 0 } : shutdownTimings();
      void drainAndClose(app, timings)
        .catch((error) => log.error(error))
        .then(() => (dataSource.isInitialized ? dataSource.destroy().catch(() => undefined) : undefined))
        .then(() => embedded?.stop().catch(() => undefined))
        .then(() => process.exit(0));
    });
  }
  await app.listen(port, process.env.HOST ?? '0.0.0.0');
  printBanner({ seconds: (Date.now() - started) / 1000, port, prepared });
}

main().catch((error) => {
  log.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
