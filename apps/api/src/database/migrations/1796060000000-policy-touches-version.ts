import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The policy row itself raises its data version (see DashboardCache1795655711977): answers cached by
 * policy (targetProgress, the overview) depend on its status — a DRAFT is NOT_FOUND to most callers —
 * so publishing, withdrawing or deleting a policy must make every replica's cached answers for it old.
 * Policy rows change rarely (publishing, editing a draft), so this costs nothing on the hot paths.
 */
const touchFunction = (withPolicy: boolean) => `CREATE OR REPLACE FUNCTION dashboard_touch() RETURNS trigger LANGUAGE plpgsql AS $$
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
            touched := row_data->>'policy_id';${
              withPolicy
                ? `
          ELSIF TG_TABLE_NAME = 'policy' THEN
            touched := row_data->>'id';`
                : ''
            }
          ELSIF TG_TABLE_NAME IN ('target', 'responsibility') THEN
            SELECT m.policy_id::text INTO touched FROM measure m WHERE m.id = (row_data->>'measure_id')::uuid;
          ELSIF TG_TABLE_NAME = 'county_quota' THEN
            SELECT m.policy_id::text INTO touched FROM target t JOIN measure m ON m.id = t.measure_id WHERE t.id = (row_data->>'target_id')::uuid;
          ELSIF TG_TABLE_NAME = 'progress_report' OR TG_TABLE_NAME = 'period_extension' THEN
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
    $$`;

export class PolicyTouchesVersion1796060000000 implements MigrationInterface {
  name = 'PolicyTouchesVersion1796060000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(touchFunction(true));
    await queryRunner.query(
      `CREATE CONSTRAINT TRIGGER dashboard_touch AFTER INSERT OR UPDATE OR DELETE ON "policy" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION dashboard_touch()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER dashboard_touch ON "policy"`);
    await queryRunner.query(touchFunction(false));
  }
}
