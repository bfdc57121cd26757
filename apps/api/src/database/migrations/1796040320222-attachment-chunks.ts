import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attachment bytes in PostgreSQL (attachments/postgres-storage.ts): 256 KB chunks per storage key, so
 * that every replica sees every file and one pg_dump holds reports and evidence together. No entity:
 * only the storage reads and writes this table, by raw SQL, chunk by chunk.
 */
export class AttachmentChunks1796040320222 implements MigrationInterface {
  name = 'AttachmentChunks1796040320222';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "attachment_chunk" ("storage_key" text NOT NULL, "seq" integer NOT NULL, "bytes" bytea NOT NULL, CONSTRAINT "attachment_chunk_pk" PRIMARY KEY ("storage_key", "seq"), CONSTRAINT "attachment_chunk_seq_check" CHECK ("seq" >= 0))`,
    );
    // PDFs, images and Office files are compressed already: skip TOAST's compression attempt, which
    // also lets substring() read a range without decompressing the whole chunk.
    await queryRunner.query(`ALTER TABLE "attachment_chunk" ALTER COLUMN "bytes" SET STORAGE EXTERNAL`);
    // A report deleted with its attachments (ON DELETE CASCADE) takes their bytes along: no orphans.
    await queryRunner.query(`CREATE FUNCTION attachment_chunk_follow_record() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM attachment_chunk WHERE storage_key = OLD.storage_key;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER attachment_chunk_follow_record AFTER DELETE ON "report_attachment" FOR EACH ROW EXECUTE FUNCTION attachment_chunk_follow_record()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER attachment_chunk_follow_record ON "report_attachment"`);
    await queryRunner.query(`DROP FUNCTION attachment_chunk_follow_record()`);
    await queryRunner.query(`DROP TABLE "attachment_chunk"`);
  }
}
