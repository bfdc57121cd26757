import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The office's lists across policies (issue 11): a notice names the policy it concerns (null: none
 * or several), a chasing message the policies its events are on. Existing rows are filled in from
 * what they already point at: a supervision link, the chased period or item; when the database
 * holds a single policy every earlier notice was about it.
 */
export class ListsAcrossPolicies1796050000000 implements MigrationInterface {
  name = 'ListsAcrossPolicies1796050000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user_notice" ADD "policy_id" uuid`);
    await queryRunner.query(`ALTER TABLE "chase_delivery" ADD "policy_ids" uuid array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(
      `UPDATE user_notice n SET policy_id = sr.policy_id
         FROM supervision_review sr WHERE n.link = '/supervision/' || sr.id::text`,
    );
    await queryRunner.query(
      `UPDATE user_notice SET policy_id = (SELECT id FROM policy) WHERE policy_id IS NULL AND (SELECT count(*) FROM policy) = 1`,
    );
    await queryRunner.query(
      `UPDATE chase_delivery d SET policy_ids = coalesce((
         SELECT array_agg(DISTINCT pol ORDER BY pol) FROM (
           SELECT p.policy_id AS pol FROM unnest(d.event_keys) k
             JOIN reporting_period p ON k LIKE 'report-%' AND p.id::text = split_part(k, ':', 2)
           UNION
           SELECT m.policy_id FROM unnest(d.event_keys) k
             JOIN supervision_item i ON k LIKE 'item-%' AND i.id::text = split_part(k, ':', 2)
             JOIN measure m ON m.id = i.measure_id) x), '{}')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "chase_delivery" DROP COLUMN "policy_ids"`);
    await queryRunner.query(`ALTER TABLE "user_notice" DROP COLUMN "policy_id"`);
  }
}
