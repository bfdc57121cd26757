import { MigrationInterface, QueryRunner } from 'typeorm';

export class FirstSubmission1795649134784 implements MigrationInterface {
  name = 'FirstSubmission1795649134784';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "progress_report" ADD "first_submitted_at" TIMESTAMP WITH TIME ZONE`);
    // Reports submitted before this column existed: their last submission is the best known first one.
    await queryRunner.query(`UPDATE "progress_report" SET "first_submitted_at" = "submitted_at" WHERE "submitted_at" IS NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "progress_report" DROP COLUMN "first_submitted_at"`);
  }
}
