import { MigrationInterface, QueryRunner } from 'typeorm';

export class SupervisionReviews1795655656558 implements MigrationInterface {
  name = 'SupervisionReviews1795655656558';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "supervision_review" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "policy_id" uuid NOT NULL, "period_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'OPEN', "version" integer NOT NULL DEFAULT '1', "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "opened_by" uuid, "finalized_at" TIMESTAMP WITH TIME ZONE, "finalized_by" uuid, CONSTRAINT "supervision_review_status_check" CHECK ("status" IN ('OPEN', 'FINAL')), CONSTRAINT "PK_9e6482daea149ec5a96f98a2898" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "supervision_review_policy_period_key" ON "supervision_review"  ("policy_id", "period_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "supervision_rating" ("review_id" uuid NOT NULL, "measure_id" uuid NOT NULL, "computed_rating" text NOT NULL, "computed_reason" text NOT NULL DEFAULT '', "rating" text, "reason" text, "version" integer NOT NULL DEFAULT '1', "rated_by" uuid, "rated_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "supervision_rating_reason_check" CHECK ("rating" IS NULL OR length(btrim("reason")) > 0), CONSTRAINT "supervision_rating_colours_check" CHECK ("computed_rating" IN ('GREEN', 'YELLOW', 'RED') AND ("rating" IS NULL OR "rating" IN ('GREEN', 'YELLOW', 'RED'))), CONSTRAINT "PK_306f8c116dbcfdd04e959f87bd5" PRIMARY KEY ("review_id", "measure_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "supervision_item" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "review_id" uuid NOT NULL, "measure_id" uuid NOT NULL, "agency_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'OPEN', "version" integer NOT NULL DEFAULT '1', "request" text NOT NULL, "due_on" date NOT NULL, "response" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" uuid, "responded_at" TIMESTAMP WITH TIME ZONE, "responded_by" uuid, "closed_at" TIMESTAMP WITH TIME ZONE, "closed_by" uuid, CONSTRAINT "supervision_item_status_check" CHECK ("status" IN ('OPEN', 'RESPONDED', 'CLOSED')), CONSTRAINT "PK_cf4bf67567eb9d885408a7942ed" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "supervision_item_agency_status_idx" ON "supervision_item"  ("agency_id", "status") `);
    await queryRunner.query(`CREATE INDEX "supervision_item_review_idx" ON "supervision_item"  ("review_id") `);
    await queryRunner.query(
      `ALTER TABLE "supervision_review" ADD CONSTRAINT "FK_7b9130ba6103d5fec109f682ffe" FOREIGN KEY ("policy_id") REFERENCES "policy"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "supervision_review" ADD CONSTRAINT "FK_0b00289dc2e88b5d8631fb67b46" FOREIGN KEY ("period_id") REFERENCES "reporting_period"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "supervision_rating" ADD CONSTRAINT "FK_b48f7427fd1221f2341743ea71d" FOREIGN KEY ("review_id") REFERENCES "supervision_review"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "supervision_rating" ADD CONSTRAINT "FK_8d9157f4b237762ae98d1a0ab9e" FOREIGN KEY ("measure_id") REFERENCES "measure"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "supervision_item" ADD CONSTRAINT "FK_800822fc18fa2cb2e7bacb01029" FOREIGN KEY ("review_id") REFERENCES "supervision_review"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "supervision_item" ADD CONSTRAINT "FK_62571063dbde0285f1d3a5b409a" FOREIGN KEY ("measure_id") REFERENCES "measure"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "supervision_item" ADD CONSTRAINT "FK_bad45eecacf555379bba0366c7e" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "supervision_item" DROP CONSTRAINT "FK_bad45eecacf555379bba0366c7e"`);
    await queryRunner.query(`ALTER TABLE "supervision_item" DROP CONSTRAINT "FK_62571063dbde0285f1d3a5b409a"`);
    await queryRunner.query(`ALTER TABLE "supervision_item" DROP CONSTRAINT "FK_800822fc18fa2cb2e7bacb01029"`);
    await queryRunner.query(`ALTER TABLE "supervision_rating" DROP CONSTRAINT "FK_8d9157f4b237762ae98d1a0ab9e"`);
    await queryRunner.query(`ALTER TABLE "supervision_rating" DROP CONSTRAINT "FK_b48f7427fd1221f2341743ea71d"`);
    await queryRunner.query(`ALTER TABLE "supervision_review" DROP CONSTRAINT "FK_0b00289dc2e88b5d8631fb67b46"`);
    await queryRunner.query(`ALTER TABLE "supervision_review" DROP CONSTRAINT "FK_7b9130ba6103d5fec109f682ffe"`);
    await queryRunner.query(`DROP INDEX "public"."supervision_item_review_idx"`);
    await queryRunner.query(`DROP INDEX "public"."supervision_item_agency_status_idx"`);
    await queryRunner.query(`DROP TABLE "supervision_item"`);
    await queryRunner.query(`DROP TABLE "supervision_rating"`);
    await queryRunner.query(`DROP INDEX "public"."supervision_review_policy_period_key"`);
    await queryRunner.query(`DROP TABLE "supervision_review"`);
  }
}
