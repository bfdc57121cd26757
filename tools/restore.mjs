#!/usr/bin/env node
// npm run restore -- FILE
// Into an EMPTY database only (DATABASE_URL's, or MIGRATION_DATABASE_URL's when set): checks the dump
// against FILE.manifest.json, restores it in one transaction, compares every table's row count and
// checksum and every attachment's bytes with what the backup recorded, then runs the migrations
// (an older backup is brought up to this version, and the API's role gets its grants again).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import { databaseUrl, formatBytes, runPgTool } from './backup-restore/connection.mjs';
import { differences, fingerprint, KEY_TABLES, MANIFEST_FORMAT } from './backup-restore/fingerprint.mjs';

const BUILT_MAIN = 'dist/apps/api/apps/api/src/main.js';

class Refusal extends Error {}

const sha256File = (path) =>
  new Promise((ok, fail) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (d) => hash.update(d))
      .on('end', () => ok(hash.digest('hex')))
      .on('error', fail);
  });

function readManifest(dump) {
  const path = `${dump}.manifest.json`;
  if (!existsSync(dump)) throw new Refusal(`找不到备份文件 / no such backup: ${dump}`);
  if (!existsSync(path))
    throw new Refusal(
      `找不到校验清单 ${path}:没有它无法确认恢复是否完整 / the manifest written beside the backup is missing; without it the restore cannot be verified`,
    );
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  if (manifest.format !== MANIFEST_FORMAT)
    throw new Refusal(`${path} 不是落實的备份清单 / not a Luoshi backup manifest (format ${manifest.format})`);
  return manifest;
}

/** Anything of ours in the target (tables, views, sequences, functions) means it is not empty. */
async function assertEmpty(client) {
  const { rows } = await client.query(
    `SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
     UNION ALL
     SELECT n.nspname || '.' || p.proname || '()' FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
     ORDER BY 1 LIMIT 6`,
  );
  if (rows.length) {
    const [{ db }] = (await client.query('SELECT current_database() AS db')).rows;
    throw new Refusal(
      `数据库 ${db} 不是空的(已有 ${rows
        .map((r) => r.name)
        .slice(0, 5)
        .join(
          ', ',
        )}${rows.length > 5 ? ' …' : ''}),拒绝恢复:恢复只写入新建的空数据库,不覆盖现有数据。请先 CREATE DATABASE 一个新库并让 DATABASE_URL 指向它。\n` +
        `  / refused: the database ${db} is not empty; a restore goes into a new, empty database only and never overwrites data. Create one and point DATABASE_URL at it.`,
    );
  }
}

/** The migrations, as the deployment runs them: the built API when there is one, else from source. */
function migrate() {
  const how = process.env.RESTORE_MIGRATE ?? (existsSync(BUILT_MAIN) ? 'built' : 'source');
  if (how === 'skip') return 'skipped (RESTORE_MIGRATE=skip)';
  const args = how === 'built' ? [BUILT_MAIN, 'migrate'] : ['tools/ts-run.mjs', 'tools/backup-restore/migrate-restored.ts'];
  const env = { ...process.env };
  env.DATABASE_URL ??= env.MIGRATION_DATABASE_URL;
  const run = spawnSync(process.execPath, args, { stdio: 'inherit', env });
  if (run.status !== 0)
    throw new Error(
      `迁移失败 / migrations failed (exit ${run.status}); the restored data is in place, run \`node ${args.join(' ')}\` again once fixed`,
    );
  return how === 'built' ? `${BUILT_MAIN} migrate` : 'tools/backup-restore/migrate-restored.ts';
}

async function restore(file) {
  const dump = resolve(file);
  const manifest = readManifest(dump);
  if ((await sha256File(dump)) !== manifest.dump.sha256)
    throw new Refusal(
      `备份文件与清单中的 sha256 不符(文件已损坏或被替换)/ the backup's sha256 differs from its manifest: damaged or replaced`,
    );
  const url = databaseUrl();
  const client = new pg.Client({ connectionString: url, application_name: 'luoshi-restore' });
  await client.connect();
  try {
    await assertEmpty(client);
    // One transaction: a failed restore leaves the database empty, never half restored. Owners and
    // grants are this server's: the restoring role owns everything, the migration grants the app role.
    await runPgTool('pg_restore', ['--single-transaction', '--exit-on-error', '--no-owner', '--no-acl', dump], url).catch((error) => {
      throw new Error(
        `${error.message}\n(pg_restore 的主版本须不低于备份时的服务器 ${manifest.serverVersion} / pg_restore must be at least the backup server's major version)`,
      );
    });
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const restored = await fingerprint(client);
    await client.query('COMMIT');
    const diff = differences(manifest, restored);
    if (diff.length) throw new Error(`恢复后的数据与备份时不一致 / the restored data differs from the backup:\n  ${diff.join('\n  ')}`);
    const migratedWith = migrate();
    const [{ migration }] = (await client.query(`SELECT name AS migration FROM schema_migration ORDER BY id DESC LIMIT 1`)).rows;
    printSummary(dump, manifest, restored, migratedWith, migration);
  } finally {
    await client.end();
  }
}

function printSummary(dump, manifest, restored, migratedWith, migration) {
  const rows = Object.values(restored.tables).reduce((a, b) => a + b, 0);
  console.log(`[落實] 恢复完成并已核对 / restored and verified: ${dump}`);
  console.log(`  备份于 ${manifest.createdAt}(数据库 ${manifest.database}, PostgreSQL ${manifest.serverVersion})`);
  console.log(
    `  ${Object.keys(restored.tables).length} 张表、${rows} 行:行数与内容校验和全部一致 / every table's row count and checksum match`,
  );
  console.log(`  ${KEY_TABLES.map((t) => `${t} ${restored.tables[t] ?? '-'}`).join(', ')}`);
  if (restored.attachments)
    console.log(
      `  附件 ${restored.attachments.files} 个, ${formatBytes(restored.attachments.bytes)}:内容与记录的 sha256 一致 ${restored.attachments.files - restored.attachments.mismatched - restored.attachments.notInDatabase} 个`,
    );
  console.log(`  迁移 / migrations: ${migratedWith} → ${migration}`);
}

const [file] = process.argv.slice(2);
if (!file) {
  console.error('用法 / usage: npm run restore -- FILE   (FILE.manifest.json must be beside it)');
  process.exit(2);
}
restore(file).catch((error) => {
  console.error(`[落實] ${error instanceof Refusal ? '拒绝恢复 / restore refused' : '恢复失败 / restore failed'}: ${error.message}`);
  process.exit(error instanceof Refusal ? 3 : 1);
});
