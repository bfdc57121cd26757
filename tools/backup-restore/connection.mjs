// The database a backup or restore works on, and how pg_dump/pg_restore are run against it.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** MIGRATION_DATABASE_URL (the tables' owner) when set, else DATABASE_URL. */
export function databaseUrl(env = process.env) {
  const url = env.MIGRATION_DATABASE_URL || env.DATABASE_URL;
  if (!url)
    throw new Error(
      "请设置 DATABASE_URL(或表的所有者 MIGRATION_DATABASE_URL) / set DATABASE_URL (or MIGRATION_DATABASE_URL, the tables' owner)",
    );
  return url;
}

/**
 * The URL without its password, which goes to the child in PGPASSWORD instead: a password on a
 * command line is visible to every user of the machine (ps).
 */
function childConnection(url) {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env: password ? { PGPASSWORD: password } : {} };
}

/** pg_dump / pg_restore from PG_BIN when set (their major version must be at least the server's). */
export function runPgTool(tool, args, url) {
  const { dbname, env } = childConnection(url);
  const bin = process.env.PG_BIN ? join(process.env.PG_BIN, tool) : tool;
  return new Promise((resolve, reject) => {
    const child = spawn(bin, [...args, `--dbname=${dbname}`], { stdio: ['ignore', 'inherit', 'pipe'], env: { ...process.env, ...env } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (e) => reject(new Error(`${bin}: ${e.message} (PostgreSQL client tools installed? PG_BIN names their folder)`)));
    child.on('exit', (code) => (code === 0 ? resolve(stderr) : reject(new Error(`${tool} failed (exit ${code}):\n${stderr.trim()}`))));
  });
}

export const formatBytes = (n) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} B`;
