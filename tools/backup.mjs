#!/usr/bin/env node
// npm run backup -- FILE
// One pg_dump (custom format) of the whole database: reports, audit and attachment bytes together
// (with ATTACHMENT_STORE=postgres, the default). Beside it FILE.manifest.json: row counts and
// checksums taken in the very snapshot pg_dump reads, which `npm run restore` checks the restore against.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import pg from 'pg';
import { databaseUrl, formatBytes, runPgTool } from './backup-restore/connection.mjs';
import { fingerprint, KEY_TABLES, MANIFEST_FORMAT } from './backup-restore/fingerprint.mjs';

const sha256File = (path) =>
  new Promise((ok, fail) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (d) => hash.update(d))
      .on('end', () => ok(hash.digest('hex')))
      .on('error', fail);
  });

async function backup(file) {
  const url = databaseUrl();
  const target = resolve(file);
  if (existsSync(target)) throw new Error(`${target} 已存在,不覆盖 / already exists: not overwritten`);
  const client = new pg.Client({ connectionString: url, application_name: 'luoshi-backup' });
  await client.connect();
  const partial = `${target}.partial`;
  try {
    // One snapshot for the manifest and the dump: what is counted is exactly what is dumped, while
    // the app goes on writing (a backup needs no downtime and takes no locks beyond pg_dump's own).
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const [{ snapshot }] = (await client.query('SELECT pg_export_snapshot() AS snapshot')).rows;
    const [{ server, database, migration }] = (
      await client.query(`SELECT current_setting('server_version') AS server, current_database() AS database,
                                 (SELECT name FROM schema_migration ORDER BY id DESC LIMIT 1) AS migration`)
    ).rows;
    const taken = await fingerprint(client);
    await runPgTool('pg_dump', ['--format=custom', `--snapshot=${snapshot}`, `--file=${partial}`], url);
    await client.query('COMMIT');
    await rename(partial, target);
    const manifest = {
      format: MANIFEST_FORMAT,
      createdAt: new Date().toISOString(),
      database,
      serverVersion: server,
      lastMigration: migration,
      dump: { file: target.split('/').pop(), bytes: (await stat(target)).size, sha256: await sha256File(target) },
      ...taken,
    };
    await writeFile(`${target}.manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`);
    printSummary(target, manifest);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    await client.end();
  }
}

function printSummary(target, m) {
  const rows = Object.values(m.tables).reduce((a, b) => a + b, 0);
  console.log(`[落實] 备份完成 / backup written: ${target} (${formatBytes(m.dump.bytes)})`);
  console.log(`  数据库 ${m.database}, PostgreSQL ${m.serverVersion}, 迁移至 ${m.lastMigration}`);
  console.log(`  ${Object.keys(m.tables).length} 张表, ${rows} 行; ${KEY_TABLES.map((t) => `${t} ${m.tables[t] ?? '-'}`).join(', ')}`);
  if (m.attachments) {
    console.log(`  附件 ${m.attachments.files} 个, ${formatBytes(m.attachments.bytes)}`);
    if (m.attachments.notInDatabase)
      console.log(
        `  注意 / note: ${m.attachments.notInDatabase} 个附件不在数据库中(ATTACHMENT_STORE=local?),不在此备份内 — back up DATA_DIR/attachments too`,
      );
    if (m.attachments.mismatched)
      console.log(`  警告 / warning: ${m.attachments.mismatched} 个附件的内容与记录的 sha256 不符(备份前已如此)`);
  }
  console.log(`  校验清单 / manifest: ${target}.manifest.json (恢复时用于核对 / checked by npm run restore)`);
}

const [file] = process.argv.slice(2);
if (!file) {
  console.error('用法 / usage: npm run backup -- FILE');
  process.exit(2);
}
backup(file).catch((error) => {
  console.error(`[落實] 备份失败 / backup failed: ${error.message}`);
  process.exit(1);
});
