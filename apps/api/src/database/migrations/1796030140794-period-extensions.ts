import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A unit's own later due date for a period (延期). The dashboard's overview judges "late" by it, so a
 * change to an extension raises the policy's data version like a change to the period itself (see
 * DashboardCache1795655711977): dashboard_touch learns the table, which is otherwise unchanged.
 */
const touchFunction = (withExtensions: boolean) => `CREATE OR REPLACE FUNCTION dashboard_touch() RETURNS trigger LANGUAGE plpgsql AS $$
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
          ELSIF TG_TABLE_NAME = 'progress_report'${withExtensions ? ` OR TG_TABLE_NAME = 'period_extension'` : ''} THEN
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

export class PeriodExtensions1796030140794 implements MigrationInterface {
  name = 'PeriodExtensions1796030140794';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "period_extension" ("period_id" uuid NOT NULL, "agency_id" uuid NOT NULL, "due_on" date NOT NULL, "reason" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "period_extension_reason_check" CHECK (length("reason") > 0), CONSTRAINT "PK_ffee7e2636c179bbeb55504df5e" PRIMARY KEY ("period_id", "agency_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "period_extension_agency_idx" ON "period_extension"  ("agency_id") `);
    await queryRunner.query(
      `ALTER TABLE "period_extension" ADD CONSTRAINT "FK_d6b0333906a7e62ebf562310ec3" FOREIGN KEY ("period_id") REFERENCES "reporting_period"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "period_extension" ADD CONSTRAINT "FK_8537245c993c8936b66c68ffef0" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(touchFunction(true));
    await queryRunner.query(
      `CREATE CONSTRAINT TRIGGER dashboard_touch AFTER INSERT OR UPDATE OR DELETE ON "period_extension" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION dashboard_touch()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER dashboard_touch_truncate AFTER TRUNCATE ON "period_extension" FOR EACH STATEMENT EXECUTE FUNCTION dashboard_touch()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER dashboard_touch_truncate ON "period_extension"`);
    await queryRunner.query(`DROP TRIGGER dashboard_touch ON "period_extension"`);
    await queryRunner.query(touchFunction(false));
    await queryRunner.query(`ALTER TABLE "period_extension" DROP CONSTRAINT "FK_8537245c993c8936b66c68ffef0"`);
    await queryRunner.query(`ALTER TABLE "period_extension" DROP CONSTRAINT "FK_d6b0333906a7e62ebf562310ec3"`);
    await queryRunner.query(`DROP INDEX "public"."period_extension_agency_idx"`);
    await queryRunner.query(`DROP TABLE "period_extension"`);
  }
}
