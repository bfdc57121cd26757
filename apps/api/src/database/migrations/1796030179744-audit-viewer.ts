import { MigrationInterface, QueryRunner } from 'typeorm';

/** Indexes for the 操作日志's filters and its newest-first keyset order (audit.queries.ts). */
export class AuditViewer1796030179744 implements MigrationInterface {
  name = 'AuditViewer1796030179744';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "audit_record_action_at_idx" ON "audit_record"  ("action", "at", "id") `);
    await queryRunner.query(`CREATE INDEX "audit_record_user_at_idx" ON "audit_record"  ("user_id", "at", "id") `);
    await queryRunner.query(`CREATE INDEX "audit_record_at_idx" ON "audit_record"  ("at", "id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."audit_record_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_record_user_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_record_action_at_idx"`);
  }
}
