import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dashboard's data version (see apps/api/src/dashboard/overview-cache.ts): a counter per policy
 * (scope = the policy's id) and one for everything ('all': agencies, TRUNCATE), raised by the
 * database itself whenever a row the overview is computed from changes, in the changing
 * transaction. The triggers are deferred constraint triggers, so the counter row is locked only at
 * commit, after every other lock the transaction takes: no new lock-order (deadlock) between report
 * writes, and the lock is held for the commit alone. A transaction raises each counter once.
 * report_figure and report_total are left out: the API writes them only together with their
 * progress_report row (insert, or the version bump of an update/submit/review), in one transaction.
 */
const TABLES = ['progress_report', 'county_quota', 'target', 'measure', 'responsibility', 'reporting_period', 'agency'];

export class DashboardCache1795655711977 implements MigrationInterface {
  name = 'DashboardCache1795655711977';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "dashboard_version" ("scope" text PRIMARY KEY, "version" bigint NOT NULL)`);
    await queryRunner.query(`CREATE FUNCTION dashboard_touch() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        row_data jsonb;
        touched text;
        bumped text := coalesce(current_setting('luoshi.dashboard_bumped', true), '');
      BEGIN
        IF TG_OP = 'TRUNCATE' OR TG_TABLE_NAME = 'agency' THEN
          touched := 'all';
        ELSE
          row_data := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END;
          IF TG_TABLE_NAME IN ('measure', 'reporting_period') THEN
            touched := row_data->>'policy_id';
          ELSIF TG_TABLE_NAME IN ('target', 'responsibility') THEN
            SELECT m.policy_id::text INTO touched FROM measure m WHERE m.id = (row_data->>'measure_id')::uuid;
          ELSIF TG_TABLE_NAME = 'county_quota' THEN
            SELECT m.policy_id::text INTO touched FROM target t JOIN measure m ON m.id = t.measure_id WHERE t.id = (row_data->>'target_id')::uuid;
          ELSIF TG_TABLE_NAME = 'progress_report' THEN
            SELECT p.policy_id::text INTO touched FROM reporting_period p WHERE p.id = (row_data->>'period_id')::uuid;
          END IF;
        END IF;
        -- NULL: the parent is gone too (a cascade), and so is what a cached answer was about.
        IF touched IS NULL OR position(',' || touched || ',' IN bumped) > 0 THEN
          RETURN NULL;
        END IF;
        INSERT INTO dashboard_version (scope, version) VALUES (touched, 1)
          ON CONFLICT (scope) DO UPDATE SET version = dashboard_version.version + 1;
        PERFORM set_config('luoshi.dashboard_bumped', coalesce(nullif(bumped, ''), ',') || touched || ',', true);
        RETURN NULL;
      END
    $$`);
    for (const table of TABLES) {
      await queryRunner.query(
        `CREATE CONSTRAINT TRIGGER dashboard_touch AFTER INSERT OR UPDATE OR DELETE ON "${table}" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION dashboard_touch()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER dashboard_touch_truncate AFTER TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION dashboard_touch()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await queryRunner.query(`DROP TRIGGER dashboard_touch_truncate ON "${table}"`);
      await queryRunner.query(`DROP TRIGGER dashboard_touch ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION dashboard_touch()`);
    await queryRunner.query(`DROP TABLE "dashboard_version"`);
  }
}
