import { DataSource } from 'typeorm';
import { AdminBootstrap, ensureAdmin } from '../auth/admin-bootstrap';
import { noticesDir } from '../common/project-paths';
import { loadNoticesFrom, NoticeLoadResult } from '../policy/notice-seed';
import { DemoResult, loadDemoData } from '../demo/demo-data';
import { AuditService } from '../audit/audit.service';
import { chinaYear, RolledTarget, rollTargetYears, SYSTEM_ACTOR } from '../policy/target-years.service';

// Any fixed number: replicas starting together take turns at migrating and seeding.
const PREPARE_LOCK = 7_520_241;

export interface PreparedDatabase {
  migrations: string[];
  notices: NoticeLoadResult[];
  /** Targets of the years since a 每年 target's latest (through this year). */
  targetYears: RolledTarget[];
  admin: AdminBootstrap;
  demo: DemoResult;
}

/**
 * Migrations, the notices, the admin user (and demo data when asked), under a PostgreSQL advisory lock so that several
 * replicas starting at once neither run a migration twice nor load a notice twice.
 */
export async function prepareDatabase(dataSource: DataSource, options: { demo?: boolean } = {}): Promise<PreparedDatabase> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    // Waiting for another replica's migrations may take longer than the statement timeout.
    await runner.query('SET statement_timeout = 0');
    await runner.query('SELECT pg_advisory_lock($1)', [PREPARE_LOCK]);
    const migrations = await dataSource.runMigrations({ transaction: 'all' });
    return await dataSource.transaction(async (manager) => ({
      migrations: migrations.map((m) => m.name),
      notices: await loadNoticesFrom(manager, noticesDir()),
      targetYears: await rollTargetYears(manager, new AuditService(), SYSTEM_ACTOR, { throughYear: chinaYear(), reason: 'year' }),
      admin: await ensureAdmin(manager),
      demo: options.demo ? await loadDemoData(manager) : { loaded: false },
    }));
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [PREPARE_LOCK]).catch(() => undefined);
    await runner.query('RESET statement_timeout').catch(() => undefined); // back to the connection's own
    await runner.release();
  }
}
