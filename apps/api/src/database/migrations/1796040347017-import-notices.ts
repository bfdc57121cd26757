import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Importing notices in the product (issue 10): a policy is a DRAFT until published (existing ones are
 * PUBLISHED), with a version for the office's corrections, stand-in flags and the parser's warnings;
 * the words and spans behind each unit and target; units an import created; the office's aliases.
 */
export class ImportNotices1796040347017 implements MigrationInterface {
  name = 'ImportNotices1796040347017';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "agency_alias" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "alias" text NOT NULL, "alias_key" text NOT NULL, "agency_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ceb0146909d204d2dfdb27c2a8f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "agency_alias_key_key" ON "agency_alias"  ("alias_key") `);
    await queryRunner.query(`CREATE INDEX "agency_alias_agency_idx" ON "agency_alias"  ("agency_id") `);
    await queryRunner.query(`ALTER TABLE "agency" ADD "created_by_import" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "policy" ADD "status" text NOT NULL DEFAULT 'PUBLISHED'`);
    await queryRunner.query(`ALTER TABLE "policy" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "policy" ADD "issued_on_confirmed" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(`ALTER TABLE "policy" ADD "doc_number_confirmed" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(`ALTER TABLE "policy" ADD "import_warnings" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "measure" ADD "line" integer`);
    await queryRunner.query(`ALTER TABLE "measure" ADD "responsibility_span_start" integer`);
    await queryRunner.query(`ALTER TABLE "measure" ADD "responsibility_span_end" integer`);
    await queryRunner.query(`ALTER TABLE "target" ADD "span_start" integer`);
    await queryRunner.query(`ALTER TABLE "target" ADD "span_end" integer`);
    await queryRunner.query(`ALTER TABLE "responsibility" ADD "words" text`);
    await queryRunner.query(`ALTER TABLE "responsibility" ADD "role_words" text`);
    await queryRunner.query(`ALTER TABLE "policy" ADD CONSTRAINT "policy_version_check" CHECK ("version" >= 1)`);
    await queryRunner.query(`ALTER TABLE "policy" ADD CONSTRAINT "policy_status_check" CHECK ("status" IN ('DRAFT', 'PUBLISHED'))`);
    await queryRunner.query(
      `ALTER TABLE "agency_alias" ADD CONSTRAINT "FK_c19082d696b133c1a1c9d9c0b79" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agency_alias" DROP CONSTRAINT "FK_c19082d696b133c1a1c9d9c0b79"`);
    await queryRunner.query(`ALTER TABLE "policy" DROP CONSTRAINT "policy_status_check"`);
    await queryRunner.query(`ALTER TABLE "policy" DROP CONSTRAINT "policy_version_check"`);
    await queryRunner.query(`ALTER TABLE "responsibility" DROP COLUMN "role_words"`);
    await queryRunner.query(`ALTER TABLE "responsibility" DROP COLUMN "words"`);
    await queryRunner.query(`ALTER TABLE "target" DROP COLUMN "span_end"`);
    await queryRunner.query(`ALTER TABLE "target" DROP COLUMN "span_start"`);
    await queryRunner.query(`ALTER TABLE "measure" DROP COLUMN "responsibility_span_end"`);
    await queryRunner.query(`ALTER TABLE "measure" DROP COLUMN "responsibility_span_start"`);
    await queryRunner.query(`ALTER TABLE "measure" DROP COLUMN "line"`);
    await queryRunner.query(`ALTER TABLE "policy" DROP COLUMN "import_warnings"`);
    await queryRunner.query(`ALTER TABLE "policy" DROP COLUMN "doc_number_confirmed"`);
    await queryRunner.query(`ALTER TABLE "policy" DROP COLUMN "issued_on_confirmed"`);
    await queryRunner.query(`ALTER TABLE "policy" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "policy" DROP COLUMN "status"`);
    await queryRunner.query(`ALTER TABLE "agency" DROP COLUMN "created_by_import"`);
    await queryRunner.query(`DROP INDEX "public"."agency_alias_agency_idx"`);
    await queryRunner.query(`DROP INDEX "public"."agency_alias_key_key"`);
    await queryRunner.query(`DROP TABLE "agency_alias"`);
  }
}
