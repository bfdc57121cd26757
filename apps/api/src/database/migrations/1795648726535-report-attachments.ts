import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReportAttachments1795648726535 implements MigrationInterface {
  name = 'ReportAttachments1795648726535';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "report_attachment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "report_id" uuid NOT NULL, "filename" text NOT NULL, "content_type" text NOT NULL, "size_bytes" integer NOT NULL, "sha256" text NOT NULL, "storage_key" text NOT NULL, "uploaded_by" text, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0e5e0eca753a0c7e367a1249dfc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "report_attachment_report_idx" ON "report_attachment"  ("report_id") `);
    await queryRunner.query(
      `ALTER TABLE "report_attachment" ADD CONSTRAINT "FK_2e7020b832424fe6ee6f3f6c9f2" FOREIGN KEY ("report_id") REFERENCES "progress_report"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report_attachment" DROP CONSTRAINT "FK_2e7020b832424fe6ee6f3f6c9f2"`);
    await queryRunner.query(`DROP INDEX "public"."report_attachment_report_idx"`);
    await queryRunner.query(`DROP TABLE "report_attachment"`);
  }
}
