import { chinaToday } from '@luoshi/domain';
import { DataSource } from 'typeorm';
import { createDataSource } from '../src/database/data-source';
import { prepareDatabase } from '../src/database/prepare-database';
import { pendingSchemaChanges } from '../src/database/schema-diff';
import { createScratchDatabase } from '../src/database/scratch-database';

// A database of its own: these tests migrate from empty and roll back, which no other test may see.
describe('migrations on an empty PostgreSQL database', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let ds: DataSource;

  beforeAll(async () => {
    scratch = await createScratchDatabase(process.env.TEST_SERVER_URL as string, 'luoshi_migrations');
    ds = createDataSource({ url: scratch.url, poolSize: 3 });
    await ds.initialize();
  });

  afterAll(async () => {
    await ds?.destroy();
    await scratch?.drop();
  });

  const count = async (table: string) => Number((await ds.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  it('applies every migration, and no entity change lacks one', async () => {
    const prepared = await prepareDatabase(ds);
    expect(prepared.migrations.length).toBeGreaterThan(0);
    expect(await ds.showMigrations()).toBe(false);
    // The CI check for a missing migration: the entities must describe exactly the migrated schema.
    const pending = await pendingSchemaChanges(ds);
    expect(pending.up).toEqual([]);
  });

  it('loads the notice once: a second and third start add nothing', async () => {
    await prepareDatabase(ds);
    const tables = ['policy', 'section', 'measure', 'agency', 'responsibility', 'target', 'reporting_period', 'app_user'];
    const before = await Promise.all(tables.map(count));
    const again = await prepareDatabase(ds);
    await Promise.all([prepareDatabase(ds), prepareDatabase(ds)]); // two replicas starting together
    expect(again.notices.every((n) => !n.loaded)).toBe(true);
    expect(again.admin.created).toBe(false);
    expect(await Promise.all(tables.map(count))).toEqual(before);
    // The targets: the notice's 4, and 見習崗位 (每年) for each year after 2024 through this one.
    const years = Number(chinaToday().slice(0, 4)) - 2024;
    expect(before).toEqual([1, 4, 15, 24, expect.any(Number), 4 + years, expect.any(Number), 1]);
  });

  it('refuses to update, delete or truncate audit records, in the database itself', async () => {
    await ds.query(`INSERT INTO audit_record (action, entity, entity_id) VALUES ('test', 'test', 'x')`);
    await expect(ds.query(`UPDATE audit_record SET action = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(ds.query(`DELETE FROM audit_record`)).rejects.toThrow(/append-only/);
    await expect(ds.query(`TRUNCATE audit_record`)).rejects.toThrow(/append-only/);
  });

  it('rolls every migration back to an empty schema', async () => {
    const scratch2 = await createScratchDatabase(process.env.TEST_SERVER_URL as string, 'luoshi_rollback');
    const ds2 = createDataSource({ url: scratch2.url, poolSize: 2 });
    try {
      await ds2.initialize();
      const applied = await ds2.runMigrations({ transaction: 'all' });
      for (let i = 0; i < applied.length; i++) await ds2.undoLastMigration({ transaction: 'all' });
      const tables: unknown[] = await ds2.query(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migration'`,
      );
      expect(tables).toEqual([]);
    } finally {
      await ds2.destroy();
      await scratch2.drop();
    }
  });
});
