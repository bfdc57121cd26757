import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A target that recurs every year (每年, 每年度, 年均: issue 14) says so, and carries a version for the
 * office's changes of a year's value. Targets loaded before are marked from the phrase they were read from.
 */
export class TargetYears1796051400000 implements MigrationInterface {
  name = 'TargetYears1796051400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "target" ADD "every_year" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "target" ADD "version" integer NOT NULL DEFAULT 1`);
    await queryRunner.query(`UPDATE target SET every_year = true WHERE source_phrase ~ '(^|[^人])每年|年均'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "target" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "target" DROP COLUMN "every_year"`);
  }
}
