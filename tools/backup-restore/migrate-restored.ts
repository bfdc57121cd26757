// The migrations after a restore, from source (`npm run restore` uses the built API's `migrate` when
// there is one): a restored database holds its notices and accounts already, so only the schema is
// brought up to this version and, with MIGRATION_DATABASE_URL set, the API's role granted its rights.
import 'reflect-metadata';
import { grantAppRole } from '../../apps/api/src/database/app-role';
import { createDataSource } from '../../apps/api/src/database/data-source';

async function main() {
  const ownerUrl = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
  if (!ownerUrl) throw new Error('DATABASE_URL is not set');
  const owner = createDataSource({ url: ownerUrl, poolSize: 2, statementTimeoutMs: 0 });
  await owner.initialize();
  try {
    const ran = await owner.runMigrations({ transaction: 'all' });
    for (const m of ran) process.stdout.write(`[落實] 已执行数据库迁移 ${m.name}\n`);
    if (process.env.MIGRATION_DATABASE_URL && process.env.DATABASE_URL) {
      const appRole = decodeURIComponent(new URL(process.env.DATABASE_URL).username);
      if (appRole) await grantAppRole(owner, appRole);
    }
  } finally {
    await owner.destroy();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
