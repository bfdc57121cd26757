import { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts that can be deactivated, must change a temporary password, and show their last sign-in. */
export class AccountStates1796030085717 implements MigrationInterface {
  name = 'AccountStates1796030085717';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" ADD "active" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "must_change_password" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "last_sign_in_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "last_sign_in_at"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "must_change_password"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "active"`);
  }
}
