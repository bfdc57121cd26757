import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Units the office runs (units/): a comparison key for unique names in either script, active, and
 * the unit a merged one went into. Existing rows get their key from the simplified name they have.
 */
export class UnitsAdmin1796030080899 implements MigrationInterface {
  name = 'UnitsAdmin1796030080899';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agency" ADD "name_key" text`);
    await queryRunner.query(`UPDATE "agency" SET "name_key" = lower(regexp_replace("name_simplified", '\\s', '', 'g'))`);
    await queryRunner.query(`ALTER TABLE "agency" ALTER COLUMN "name_key" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "agency" ADD "active" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(`ALTER TABLE "agency" ADD "merged_into_id" uuid`);
    await queryRunner.query(`CREATE UNIQUE INDEX "agency_name_key_key" ON "agency"  ("name_key") `);
    await queryRunner.query(
      `ALTER TABLE "agency" ADD CONSTRAINT "agency_merged_inactive_check" CHECK ("merged_into_id" IS NULL OR (NOT "active" AND "merged_into_id" <> "id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "agency" ADD CONSTRAINT "FK_15b83b1fa8581648b506da447a8" FOREIGN KEY ("merged_into_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agency" DROP CONSTRAINT "FK_15b83b1fa8581648b506da447a8"`);
    await queryRunner.query(`ALTER TABLE "agency" DROP CONSTRAINT "agency_merged_inactive_check"`);
    await queryRunner.query(`DROP INDEX "public"."agency_name_key_key"`);
    await queryRunner.query(`ALTER TABLE "agency" DROP COLUMN "merged_into_id"`);
    await queryRunner.query(`ALTER TABLE "agency" DROP COLUMN "active"`);
    await queryRunner.query(`ALTER TABLE "agency" DROP COLUMN "name_key"`);
  }
}
