import { MigrationInterface, QueryRunner } from 'typeorm';

/** An account's holder: a name (姓名) and a phone (手机), both optional, for bulk creation from Excel. */
export class AccountContacts1796040000000 implements MigrationInterface {
  name = 'AccountContacts1796040000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" ADD "display_name" text`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "phone" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "phone"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "display_name"`);
  }
}
