import { MigrationInterface, QueryRunner } from 'typeorm';

export class TargetTrajectory1795657267169 implements MigrationInterface {
  name = 'TargetTrajectory1795657267169';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "target" ADD "trajectory" double precision array`);
    await queryRunner.query(
      `ALTER TABLE "target" ADD CONSTRAINT "target_trajectory_check" CHECK ("trajectory" IS NULL OR (array_length("trajectory", 1) = 4 AND "trajectory"[4] = 1))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "target" DROP CONSTRAINT "target_trajectory_check"`);
    await queryRunner.query(`ALTER TABLE "target" DROP COLUMN "trajectory"`);
  }
}
