import { MigrationInterface, QueryRunner } from 'typeorm';

export class SignInFailures1795649061399 implements MigrationInterface {
  name = 'SignInFailures1795649061399';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "sign_in_failure" ("id" BIGSERIAL NOT NULL, "username" text NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5ad9835b7a6e51262f6fe5024de" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "sign_in_failure_username_at_idx" ON "sign_in_failure"  ("username", "at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."sign_in_failure_username_at_idx"`);
    await queryRunner.query(`DROP TABLE "sign_in_failure"`);
  }
}
