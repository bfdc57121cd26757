import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795646116496 implements MigrationInterface {
  name = 'Foundation1795646116496';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_record" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid, "username" text, "action" text NOT NULL, "entity" text NOT NULL, "entity_id" text NOT NULL, "before" jsonb, "after" jsonb, "request_id" text, CONSTRAINT "PK_2c07dcda4cbae68f1cbbe6d7426" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "audit_record_entity_idx" ON "audit_record"  ("entity", "entity_id") `);
    await queryRunner.query(
      `CREATE TABLE "app_secret" ("name" text NOT NULL, "value" text NOT NULL, CONSTRAINT "PK_0bf6fc27bbdc865c8ab90b4ca41" PRIMARY KEY ("name"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "agency" ("id" uuid NOT NULL, "name" text NOT NULL, "name_simplified" text NOT NULL, "short_name" text NOT NULL, "kind" text NOT NULL, "region_code" text, "search_text" text NOT NULL, CONSTRAINT "agency_county_region_check" CHECK (("kind" = 'COUNTY') = ("region_code" IS NOT NULL)), CONSTRAINT "agency_kind_check" CHECK ("kind" IN ('DEPARTMENT', 'COUNTY')), CONSTRAINT "PK_ab1244724d1c216e9720635a2e5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "agency_name_key" ON "agency"  ("name") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "agency_region_code_key" ON "agency"  ("region_code") `);
    await queryRunner.query(
      `CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "username" text NOT NULL, "password_hash" text NOT NULL, "role" text NOT NULL, "agency_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "app_user_reporter_agency_check" CHECK (("role" = 'REPORTER') = ("agency_id" IS NOT NULL)), CONSTRAINT "app_user_role_check" CHECK ("role" IN ('ADMIN', 'OFFICE', 'LEADER', 'REPORTER')), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "app_user_username_key" ON "app_user"  ("username") `);
    await queryRunner.query(`CREATE INDEX "app_user_agency_idx" ON "app_user"  ("agency_id") `);
    await queryRunner.query(
      `CREATE TABLE "policy" ("id" uuid NOT NULL, "doc_number" text NOT NULL, "title" text NOT NULL, "issuer" text NOT NULL, "issued_on" date NOT NULL, "source_text" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9917b0c5e4286703cc656b1d39f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "policy_doc_number_key" ON "policy"  ("doc_number") `);
    await queryRunner.query(
      `CREATE TABLE "section" ("id" uuid NOT NULL, "policy_id" uuid NOT NULL, "seq" integer NOT NULL, "title" text NOT NULL, CONSTRAINT "PK_3c41d2d699384cc5e8eac54777d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "section_policy_seq_key" ON "section"  ("policy_id", "seq") `);
    await queryRunner.query(
      `CREATE TABLE "measure" ("id" uuid NOT NULL, "policy_id" uuid NOT NULL, "section_id" uuid NOT NULL, "seq" integer NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "responsibility_text" text, CONSTRAINT "PK_ddc1ad2a86717cedc808809423e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "measure_section_idx" ON "measure"  ("section_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "measure_policy_seq_key" ON "measure"  ("policy_id", "seq") `);
    await queryRunner.query(
      `CREATE TABLE "target" ("id" uuid NOT NULL, "measure_id" uuid NOT NULL, "name" text NOT NULL, "unit" text NOT NULL, "target_value" numeric NOT NULL, "direction" text NOT NULL, "year" integer NOT NULL, "source_phrase" text, CONSTRAINT "target_value_check" CHECK ("target_value" >= 0), CONSTRAINT "target_direction_check" CHECK ("direction" IN ('AT_LEAST', 'AT_MOST')), CONSTRAINT "PK_9d962204b13c18851ea88fc72f3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "target_measure_name_year_key" ON "target"  ("measure_id", "name", "year") `);
    await queryRunner.query(
      `CREATE TABLE "county_quota" ("target_id" uuid NOT NULL, "county_id" uuid NOT NULL, "quota" numeric NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "county_quota_value_check" CHECK ("quota" >= 0), CONSTRAINT "PK_ac26cb01fede3da2035912e2bbd" PRIMARY KEY ("target_id", "county_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "county_quota_county_idx" ON "county_quota"  ("county_id") `);
    await queryRunner.query(
      `CREATE TABLE "reporting_period" ("id" uuid NOT NULL, "policy_id" uuid NOT NULL, "label" text NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "due_on" date NOT NULL, CONSTRAINT "reporting_period_dates_check" CHECK ("starts_on" <= "ends_on"), CONSTRAINT "PK_273d2b68dc1854618ec53e144d0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "reporting_period_policy_label_key" ON "reporting_period"  ("policy_id", "label") `);
    await queryRunner.query(
      `CREATE TABLE "responsibility" ("measure_id" uuid NOT NULL, "agency_id" uuid NOT NULL, "role" text NOT NULL, "position" integer NOT NULL, CONSTRAINT "responsibility_role_check" CHECK ("role" IN ('LEAD', 'CO')), CONSTRAINT "PK_9ec023857dd27d43cf20d45da90" PRIMARY KEY ("measure_id", "agency_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "responsibility_agency_idx" ON "responsibility"  ("agency_id") `);
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "FK_6c389af3b251d151c0627d856f5" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "section" ADD CONSTRAINT "FK_7905e7725acae3533f482e2762c" FOREIGN KEY ("policy_id") REFERENCES "policy"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "measure" ADD CONSTRAINT "FK_3e3a179f9c1c71f5e3e6fd4fcd6" FOREIGN KEY ("policy_id") REFERENCES "policy"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "measure" ADD CONSTRAINT "FK_2f2d90859ffe24ddfa088aaf9e5" FOREIGN KEY ("section_id") REFERENCES "section"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "target" ADD CONSTRAINT "FK_d8d35e49fdd4ef091e8b5e9d2d9" FOREIGN KEY ("measure_id") REFERENCES "measure"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "county_quota" ADD CONSTRAINT "FK_1461969f17ce9da8129df633285" FOREIGN KEY ("target_id") REFERENCES "target"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "county_quota" ADD CONSTRAINT "FK_09d9710b288c735eed0ce237a57" FOREIGN KEY ("county_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reporting_period" ADD CONSTRAINT "FK_54e8c5c47029878c3f9982a180a" FOREIGN KEY ("policy_id") REFERENCES "policy"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "responsibility" ADD CONSTRAINT "FK_28b93720159f9fc0e7f9d63d01d" FOREIGN KEY ("measure_id") REFERENCES "measure"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "responsibility" ADD CONSTRAINT "FK_6ad5b35dc7ccfcc110930ec5077" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Audit records are append-only: the database itself refuses to rewrite history.
    await queryRunner.query(`CREATE FUNCTION audit_record_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_record is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
    $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_record_no_update_or_delete BEFORE UPDATE OR DELETE ON "audit_record" FOR EACH ROW EXECUTE FUNCTION audit_record_is_append_only()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_record_no_truncate BEFORE TRUNCATE ON "audit_record" FOR EACH STATEMENT EXECUTE FUNCTION audit_record_is_append_only()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_record_no_truncate ON "audit_record"`);
    await queryRunner.query(`DROP TRIGGER audit_record_no_update_or_delete ON "audit_record"`);
    await queryRunner.query(`DROP FUNCTION audit_record_is_append_only()`);
    await queryRunner.query(`ALTER TABLE "responsibility" DROP CONSTRAINT "FK_6ad5b35dc7ccfcc110930ec5077"`);
    await queryRunner.query(`ALTER TABLE "responsibility" DROP CONSTRAINT "FK_28b93720159f9fc0e7f9d63d01d"`);
    await queryRunner.query(`ALTER TABLE "reporting_period" DROP CONSTRAINT "FK_54e8c5c47029878c3f9982a180a"`);
    await queryRunner.query(`ALTER TABLE "county_quota" DROP CONSTRAINT "FK_09d9710b288c735eed0ce237a57"`);
    await queryRunner.query(`ALTER TABLE "county_quota" DROP CONSTRAINT "FK_1461969f17ce9da8129df633285"`);
    await queryRunner.query(`ALTER TABLE "target" DROP CONSTRAINT "FK_d8d35e49fdd4ef091e8b5e9d2d9"`);
    await queryRunner.query(`ALTER TABLE "measure" DROP CONSTRAINT "FK_2f2d90859ffe24ddfa088aaf9e5"`);
    await queryRunner.query(`ALTER TABLE "measure" DROP CONSTRAINT "FK_3e3a179f9c1c71f5e3e6fd4fcd6"`);
    await queryRunner.query(`ALTER TABLE "section" DROP CONSTRAINT "FK_7905e7725acae3533f482e2762c"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "FK_6c389af3b251d151c0627d856f5"`);
    await queryRunner.query(`DROP INDEX "public"."responsibility_agency_idx"`);
    await queryRunner.query(`DROP TABLE "responsibility"`);
    await queryRunner.query(`DROP INDEX "public"."reporting_period_policy_label_key"`);
    await queryRunner.query(`DROP TABLE "reporting_period"`);
    await queryRunner.query(`DROP INDEX "public"."county_quota_county_idx"`);
    await queryRunner.query(`DROP TABLE "county_quota"`);
    await queryRunner.query(`DROP INDEX "public"."target_measure_name_year_key"`);
    await queryRunner.query(`DROP TABLE "target"`);
    await queryRunner.query(`DROP INDEX "public"."measure_policy_seq_key"`);
    await queryRunner.query(`DROP INDEX "public"."measure_section_idx"`);
    await queryRunner.query(`DROP TABLE "measure"`);
    await queryRunner.query(`DROP INDEX "public"."section_policy_seq_key"`);
    await queryRunner.query(`DROP TABLE "section"`);
    await queryRunner.query(`DROP INDEX "public"."policy_doc_number_key"`);
    await queryRunner.query(`DROP TABLE "policy"`);
    await queryRunner.query(`DROP INDEX "public"."app_user_agency_idx"`);
    await queryRunner.query(`DROP INDEX "public"."app_user_username_key"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
    await queryRunner.query(`DROP INDEX "public"."agency_region_code_key"`);
    await queryRunner.query(`DROP INDEX "public"."agency_name_key"`);
    await queryRunner.query(`DROP TABLE "agency"`);
    await queryRunner.query(`DROP TABLE "app_secret"`);
    await queryRunner.query(`DROP INDEX "public"."audit_record_entity_idx"`);
    await queryRunner.query(`DROP TABLE "audit_record"`);
  }
}
