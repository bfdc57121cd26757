import { MigrationInterface, QueryRunner } from 'typeorm';

export class Chasing1795655863371 implements MigrationInterface {
  name = 'Chasing1795655863371';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "user_notice" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" text NOT NULL, "title" text NOT NULL, "body" text NOT NULL DEFAULT '', "link" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_1fa9968b4608730dc7f3543b2c2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "user_notice_user_created_idx" ON "user_notice"  ("user_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "agency_webhook" ("agency_id" uuid NOT NULL, "kind" text NOT NULL, "url" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_by" uuid, CONSTRAINT "agency_webhook_kind_check" CHECK ("kind" IN ('WECOM', 'DINGTALK')), CONSTRAINT "PK_aebc2604a698df07cf31ae9ef00" PRIMARY KEY ("agency_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "chase_event" ("key" text NOT NULL, "kind" text NOT NULL, "agency_id" uuid NOT NULL, "due_on" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8d9e82512321bfbadc5c4dbc048" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "chase_delivery" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_keys" text array NOT NULL, "channel" text NOT NULL, "agency_id" uuid, "recipients" integer, "url" text, "url_host" text, "content" text NOT NULL, "status" text NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE, "last_error" text, "delivered_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chase_delivery_status_check" CHECK ("status" IN ('PENDING', 'DELIVERED', 'FAILED')), CONSTRAINT "chase_delivery_channel_check" CHECK ("channel" IN ('IN_APP', 'WECOM', 'DINGTALK')), CONSTRAINT "PK_fd89b32b754cbdb1b12e7dd27cf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "chase_delivery_created_idx" ON "chase_delivery"  ("created_at") `);
    await queryRunner.query(
      `CREATE INDEX "chase_delivery_pending_idx" ON "chase_delivery"  ("next_attempt_at") WHERE "status" = 'PENDING'`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_notice" ADD CONSTRAINT "FK_5eb2b023d97787c4b3c104d072f" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agency_webhook" ADD CONSTRAINT "FK_aebc2604a698df07cf31ae9ef00" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agency_webhook" DROP CONSTRAINT "FK_aebc2604a698df07cf31ae9ef00"`);
    await queryRunner.query(`ALTER TABLE "user_notice" DROP CONSTRAINT "FK_5eb2b023d97787c4b3c104d072f"`);
    await queryRunner.query(`DROP INDEX "public"."chase_delivery_pending_idx"`);
    await queryRunner.query(`DROP INDEX "public"."chase_delivery_created_idx"`);
    await queryRunner.query(`DROP TABLE "chase_delivery"`);
    await queryRunner.query(`DROP TABLE "chase_event"`);
    await queryRunner.query(`DROP TABLE "agency_webhook"`);
    await queryRunner.query(`DROP INDEX "public"."user_notice_user_created_idx"`);
    await queryRunner.query(`DROP TABLE "user_notice"`);
  }
}
