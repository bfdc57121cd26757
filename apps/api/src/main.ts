import './register-paths';
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { resolve } from 'node:path';
import { createApp } from './create-app';
import { createDataSource } from './database/data-source';
import { EmbeddedDatabase, startEmbeddedPostgres } from './database/embedded-postgres';
import { prepareDatabase } from './database/prepare-database';
import { demoWanted } from './demo/demo-data';
import { sqlStatsEnabled, StatementCountingLogger } from './common/sql-stats';

const log = new Logger('Luoshi');
/** Start-up progress for the person at the terminal: plain lines, without Nest's log prefixes. */
const say = (line: string) => process.stdout.write(`[落實] ${line}\n`);

async function main() {
  const started = Date.now();
  const port = Number(process.env.PORT ?? 3000);
  let embedded: EmbeddedDatabase | undefined;
  let url = process.env.DATABASE_URL;
  if (!url && process.env.NODE_ENV === 'production') {
    throw new Error('DATABASE_URL must be set in production (NODE_ENV=production): the embedded PostgreSQL is for trying Luoshi out.');
  }
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
  const prepared = await prepareDatabase(dataSource, { demo: demoWanted(!!embedded) });
  for (const m of prepared.migrations) say(`已执行数据库迁移 ${m}`);
  for (const n of prepared.notices) say(n.loaded ? `已载入政策文件 ${n.docNumber}` : `政策文件 ${n.docNumber} 已在库中`);

  // Nest's own start-up lines (module by module) are noise to a newcomer; warnings and errors stay.
  const app = await createApp({ dataSource, logger: process.env.LOG_LEVEL === 'debug' ? undefined : ['error', 'warn'] });
  const stop = async () => {
    await app.close().catch(() => undefined);
    if (dataSource.isInitialized) await dataSource.destroy().catch(() => undefined);
    if (embedded) await embedded.stop().catch(() => undefined);
  };
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      if (stopping) return;
      stopping = true;
      say('正在停止…');
      void stop().then(() => process.exit(0));
    });
  }
  await app.listen(port, process.env.HOST ?? '0.0.0.0');

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const lines = [
    '',
    `  落實 Luoshi 已就绪(${seconds} 秒): http://localhost:${port}/`,
    `  GraphQL API: http://localhost:${port}/graphql`,
  ];
  if (prepared.admin.generatedPassword) {
    lines.push(`  管理员账号 admin,初始密码 ${prepared.admin.generatedPassword}`, '  (密码只显示这一次,请妥善保存;可用 ADMIN_PASSWORD 在首次启动时指定)');
  } else if (prepared.admin.created) {
    lines.push('  管理员账号 admin,密码为环境变量 ADMIN_PASSWORD 的值');
  } else {
    lines.push('  管理员账号 admin 已存在,密码为首次启动时显示或设置的密码');
  }
  if (prepared.demo.loaded) {
    lines.push('', `  已载入演示数据(${prepared.demo.reports} 份演示报告)。演示账号的密码均为 ${prepared.demo.password} (只显示这一次):`);
    const rows = prepared.demo.accounts ?? [];
    for (let i = 0; i < rows.length; i += 3) {
      lines.push('    ' + rows.slice(i, i + 3).map((a) => `${a.username.padEnd(10)} ${(a.unit ?? (a.role === 'OFFICE' ? '领导小组办公室' : '领导')).padEnd(11, '\u3000')}`).join(''));
    }
    lines.push('  (不需要演示数据时:DEMO_DATA=0 并使用新的 DATA_DIR)');
  }
  // The banner goes to stdout as plain text, so it is easy to find in a terminal or a log.
  process.stdout.write(lines.join('\n') + '\n\n');
}

main().catch((error) => {
  log.error(error instanceof Error ? error.stack ?? error.message : String(error));
  process.exit(1);
});
