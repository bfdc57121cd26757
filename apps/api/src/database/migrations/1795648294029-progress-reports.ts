import { MigrationInterface, QueryRunner } from 'typeorm';

export class ProgressReports1795648294029 implements MigrationInterface {
  name = 'ProgressReports1795648294029';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "progress_report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "measure_id" uuid NOT NULL, "agency_id" uuid NOT NULL, "period_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'DRAFT', "version" integer NOT NULL DEFAULT '1', "progress" text NOT NULL DEFAULT '', "problems" text NOT NULL DEFAULT '', "next_steps" text NOT NULL DEFAULT '', "unit_status" text, "review_comment" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "submitted_at" TIMESTAMP WITH TIME ZONE, "reviewed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "progress_report_version_check" CHECK ("version" >= 1), CONSTRAINT "progress_report_unit_status_check" CHECK ("unit_status" IN ('ON_TRACK', 'AT_RISK', 'BEHIND', 'DONE')), CONSTRAINT "progress_report_status_check" CHECK ("status" IN ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED')), CONSTRAINT "PK_de44d4f311d5a0132f49f9f0820" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "progress_report_agency_idx" ON "progress_report"  ("agency_id") `);
    await queryRunner.query(`CREATE INDEX "progress_report_period_status_idx" ON "progress_report"  ("period_id", "status") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "progress_report_measure_agency_period_key" ON "progress_report"  ("measure_id", "agency_id", "period_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "report_figure" ("report_id" uuid NOT NULL, "target_id" uuid NOT NULL, "county_id" uuid NOT NULL, "value" numeric NOT NULL, CONSTRAINT "report_figure_value_check" CHECK ("value" >= 0), CONSTRAINT "PK_77826a48512b30767a4e4a6d915" PRIMARY KEY ("report_id", "target_id", "county_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "report_figure_target_county_idx" ON "report_figure"  ("target_id", "county_id") `);
    await queryRunner.query(
      `CREATE TABLE "report_total" ("target_id" uuid NOT NULL, "county_id" uuid NOT NULL, "period_id" uuid NOT NULL, "status" text NOT NULL, "total" numeric NOT NULL DEFAULT '0', "figures" integer NOT NULL DEFAULT '0', CONSTRAINT "report_total_status_check" CHECK ("status" IN ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED')), CONSTRAINT "PK_428d2ea568fe4844a34428778d4" PRIMARY KEY ("target_id", "county_id", "period_id", "status"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "progress_report" ADD CONSTRAINT "FK_6c84bfb5950d5659742f9bb1ac2" FOREIGN KEY ("measure_id") REFERENCES "measure"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "progress_report" ADD CONSTRAINT "FK_b9f1bb6b03cacbe275cf4fa52d6" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "progress_report" ADD CONSTRAINT "FK_758d86d3c886172c44e36453614" FOREIGN KEY ("period_id") REFERENCES "reporting_period"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "report_figure" ADD CONSTRAINT "FK_5af81e62ef95ddb678d466a1c68" FOREIGN KEY ("report_id") REFERENCES "progress_report"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "report_figure" ADD CONSTRAINT "FK_02534ed36c984c0397fb6a5e3f0" FOREIGN KEY ("target_id") REFERENCES "target"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "report_figure" ADD CONSTRAINT "FK_89db31abefd7a39aef8cf23bb9b" FOREIGN KEY ("county_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report_figure" DROP CONSTRAINT "FK_89db31abefd7a39aef8cf23bb9b"`);
    await queryRunner.query(`ALTER TABLE "report_figure" DROP CONSTRAINT "FK_02534ed36c984c0397fb6a5e3f0"`);
    await queryRunner.query(`ALTER TABLE "report_figure" DROP CONSTRAINT "FK_5af81e62ef95ddb678d466a1c68"`);
    await queryRunner.query(`ALTER TABLE "progress_report" DROP CONSTRAINT "FK_758d86d3c886172c44e36453614"`);
    await queryRunner.query(`ALTER TABLE "progress_report" DROP CONSTRAINT "FK_b9f1bb6b03cacbe275cf4fa52d6"`);
    await queryRunner.query(`ALTER TABLE "progress_report" DROP CONSTRAINT "FK_6c84bfb5950d5659742f9bb1ac2"`);
    await queryRunner.query(`DROP TABLE "report_total"`);
    await queryRunner.query(`DROP INDEX "public"."report_figure_target_county_idx"`);
    await queryRunner.query(`DROP TABLE "report_figure"`);
    await queryRunner.query(`DROP INDEX "public"."progress_report_measure_agency_period_key"`);
    await queryRunner.query(`DROP INDEX "public"."progress_report_period_status_idx"`);
    await queryRunner.query(`DROP INDEX "public"."progress_report_agency_idx"`);
    await queryRunner.query(`DROP TABLE "progress_report"`);
  }
}
