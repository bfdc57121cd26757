/**
 * Writes a migration with the SQL that brings a database migrated to the latest committed migration
 * in line with the entities. Usage: npm run migration:generate -- <name>
 * Runs against DATABASE_URL's server (default: the local PostgreSQL) in a scratch database.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDataSource } from './data-source';
import { pendingSchemaChanges } from './schema-diff';
import { createScratchDatabase } from './scratch-database';

async function main() {
  const name = (process.argv[2] ?? '').replace(/[^a-zA-Z0-9]/g, '');
  if (!name) throw new Error('usage: npm run migration:generate -- <Name>');
  const server = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const scratch = await createScratchDatabase(server, 'luoshi_migration');
  const ds = createDataSource({ url: scratch.url, poolSize: 2 });
  try {
    await ds.initialize();
    await ds.runMigrations({ transaction: 'all' });
    const { up, down } = await pendingSchemaChanges(ds);
    if (up.length === 0) {
      console.log('The entities and the migrations agree: nothing to generate.');
      return;
    }
    const stamp = Date.now();
    const className = `${name[0].toUpperCase()}${name.slice(1)}${stamp}`;
    const file = join(__dirname, 'migrations', `${stamp}-${name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}.ts`);
    const q = (sql: string) =>
      `    await queryRunner.query(${sql.includes('`') || sql.includes('${') ? JSON.stringify(sql) : '`' + sql + '`'});`;
    writeFileSync(
      file,
      `import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${className} implements MigrationInterface {\n  name = '${className}';\n\n` +
        `  public async up(queryRunner: QueryRunner): Promise<void> {\n${up.map(q).join('\n')}\n  }\n\n` +
        `  public async down(queryRunner: QueryRunner): Promise<void> {\n${down.map(q).join('\n')}\n  }\n}\n`,
    );
    console.log(`Wrote ${file}; add ${className} to migrations/index.ts.`);
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await scratch.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
