import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReportTotalIndex1795651570196 implements MigrationInterface {
  name = 'ReportTotalIndex1795651570196';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "report_total_target_period_idx" ON "report_total"  ("target_id", "period_id", "status") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."report_total_target_period_idx"`);
  }
}
