import { DataSource } from 'typeorm';

/**
 * Least privilege: the tables belong to the role that migrates (the owner); the API's requests run
 * as another role that may read and write rows, may only add to the audit, and can change no table.
 * Run by the owner after every migration, so tables added later are covered too.
 */
export async function grantAppRole(owner: DataSource, appRole: string): Promise<void> {
  const [{ ownerRole }] = await owner.query(`SELECT current_user AS "ownerRole"`);
  if (appRole === ownerRole) return; // one role for both (the embedded default): nothing to separate
  const role = quoteIdentifier(appRole);
  await owner.transaction(async (m) => {
    await m.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
    await m.query(`REVOKE CREATE ON SCHEMA public FROM ${role}`);
    await m.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
    await m.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
    // The audit is append-only for the app (the owner's triggers refuse UPDATE/DELETE/TRUNCATE too).
    await m.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_record FROM ${role}`);
    // Migrations are the owner's; the app only reads which ones ran (readiness).
    await m.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migration FROM ${role}`);
  });
}

/** The role a connection string signs in as (its user name), as PostgreSQL spells it. */
export async function roleOf(dataSource: DataSource): Promise<{ role: string; ownsTables: boolean; superuser: boolean }> {
  const [row] = await dataSource.query(
    `SELECT current_user AS role,
            (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
            EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = 'audit_record' AND tableowner = current_user) AS "ownsTables"`,
  );
  return { role: row.role, ownsTables: row.ownsTables, superuser: row.superuser };
}

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;
