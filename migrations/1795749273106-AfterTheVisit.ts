import { MigrationInterface, QueryRunner } from 'typeorm';

/** Activity reports, hospital confirmations, fee rules (with the default rule) and the append-only audit trail. */

export class AfterTheVisit1795749273106 implements MigrationInterface {
  name = 'AfterTheVisit1795749273106';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "activity_reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "dispatch_id" uuid NOT NULL, "volunteer_id" uuid NOT NULL, "actual_start" TIMESTAMP WITH TIME ZONE NOT NULL, "actual_end" TIMESTAMP WITH TIME ZONE NOT NULL, "waiting_minutes" integer NOT NULL, "scenes" jsonb NOT NULL, "difficulty" smallint NOT NULL, "transport_cost_yen" integer NOT NULL, "issues" text, "terms_to_study" text, "wellbeing_concern" boolean NOT NULL DEFAULT false, "time_dispute" boolean NOT NULL DEFAULT false, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "review_status" character varying(12) NOT NULL DEFAULT 'pending', "reviewed_by" uuid, "reviewed_at" TIMESTAMP WITH TIME ZONE, "review_comment" character varying(2000), CONSTRAINT "ck_activity_reports_review_status" CHECK ("review_status" IN ('pending', 'reviewed', 'follow_up')), CONSTRAINT "ck_activity_reports_transport" CHECK ("transport_cost_yen" >= 0), CONSTRAINT "ck_activity_reports_waiting" CHECK ("waiting_minutes" >= 0), CONSTRAINT "ck_activity_reports_difficulty" CHECK ("difficulty" BETWEEN 1 AND 5), CONSTRAINT "ck_activity_reports_times" CHECK ("actual_end" > "actual_start"), CONSTRAINT "PK_be1fa0ad267e5f3633e5d6e7636" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_activity_reports_dispatch" ON "activity_reports"  ("dispatch_id") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_activity_reports_volunteer" ON "activity_reports"  ("volunteer_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_activity_reports_review_queue" ON "activity_reports"  ("review_status", "submitted_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid, "actor_role" character varying(16) NOT NULL, "action" character varying(120) NOT NULL, "object_type" character varying(40), "object_id" character varying(64), "request_id" character varying(64), "ip" character varying(64), "details" jsonb, CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_audit_log_actor" ON "audit_log"  ("actor_id", "at") `);
    await queryRunner.query(`CREATE INDEX "ix_audit_log_object" ON "audit_log"  ("object_type", "object_id", "at") `);
    await queryRunner.query(`CREATE INDEX "ix_audit_log_at" ON "audit_log"  ("at") `);
    await queryRunner.query(
      `CREATE TABLE "fee_rules" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "valid_from" date NOT NULL, "hospital_base_yen" integer NOT NULL, "base_minutes" integer NOT NULL, "hospital_extra_hour_yen" integer NOT NULL, "late_cancellation_yen" integer NOT NULL, "patient_no_show_yen" integer NOT NULL, "volunteer_flat_yen" integer NOT NULL, "volunteer_transport" character varying(12) NOT NULL, "created_by" uuid, CONSTRAINT "ck_fee_rules_transport_mode" CHECK ("volunteer_transport" IN ('included', 'actual')), CONSTRAINT "ck_fee_rules_base_minutes" CHECK ("base_minutes" > 0), CONSTRAINT "ck_fee_rules_amounts" CHECK ("hospital_base_yen" >= 0 AND "hospital_extra_hour_yen" >= 0 AND "late_cancellation_yen" >= 0 AND "patient_no_show_yen" >= 0 AND "volunteer_flat_yen" >= 0), CONSTRAINT "PK_10829781c2028cd90e62c6626c4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_fee_rules_valid_from" ON "fee_rules"  ("valid_from") `);
    await queryRunner.query(
      `CREATE TABLE "hospital_confirmations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "dispatch_id" uuid NOT NULL, "actual_start" TIMESTAMP WITH TIME ZONE NOT NULL, "actual_end" TIMESTAMP WITH TIME ZONE NOT NULL, "rating" smallint, "comment" character varying(2000), "confirmed_by" uuid, "time_dispute" boolean NOT NULL DEFAULT false, CONSTRAINT "ck_hospital_confirmations_rating" CHECK ("rating" IS NULL OR "rating" BETWEEN 1 AND 5), CONSTRAINT "ck_hospital_confirmations_times" CHECK ("actual_end" > "actual_start"), CONSTRAINT "PK_eeecf71629ff32ff586d51f287d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_hospital_confirmations_dispatch" ON "hospital_confirmations"  ("dispatch_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "activity_reports" ADD CONSTRAINT "fk_activity_reports_dispatch" FOREIGN KEY ("dispatch_id") REFERENCES "dispatches"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "activity_reports" ADD CONSTRAINT "fk_activity_reports_volunteer" FOREIGN KEY ("volunteer_id") REFERENCES "volunteers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "hospital_confirmations" ADD CONSTRAINT "fk_hospital_confirmations_dispatch" FOREIGN KEY ("dispatch_id") REFERENCES "dispatches"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // The audit trail is append-only for the application: the same trigger function as status_transitions.
    await queryRunner.query(
      `CREATE TRIGGER "tr_audit_log_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION forbid_change()`,
    );
    // The programme's fees until a staff member adds a rule: 3,000 yen for two hours, 1,000 yen per further started hour.
    await queryRunner.query(
      `INSERT INTO "fee_rules" ("valid_from", "hospital_base_yen", "base_minutes", "hospital_extra_hour_yen", "late_cancellation_yen", "patient_no_show_yen", "volunteer_flat_yen", "volunteer_transport") VALUES ('2000-01-01', 3000, 120, 1000, 3000, 3000, 3000, 'included')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "tr_audit_log_append_only" ON "audit_log"`);
    await queryRunner.query(
      `ALTER TABLE "hospital_confirmations" DROP CONSTRAINT "fk_hospital_confirmations_dispatch"`,
    );
    await queryRunner.query(`ALTER TABLE "activity_reports" DROP CONSTRAINT "fk_activity_reports_volunteer"`);
    await queryRunner.query(`ALTER TABLE "activity_reports" DROP CONSTRAINT "fk_activity_reports_dispatch"`);
    await queryRunner.query(`DROP INDEX "public"."uq_hospital_confirmations_dispatch"`);
    await queryRunner.query(`DROP TABLE "hospital_confirmations"`);
    await queryRunner.query(`DROP INDEX "public"."uq_fee_rules_valid_from"`);
    await queryRunner.query(`DROP TABLE "fee_rules"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_log_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_log_object"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_log_actor"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
    await queryRunner.query(`DROP INDEX "public"."ix_activity_reports_review_queue"`);
    await queryRunner.query(`DROP INDEX "public"."ix_activity_reports_volunteer"`);
    await queryRunner.query(`DROP INDEX "public"."uq_activity_reports_dispatch"`);
    await queryRunner.query(`DROP TABLE "activity_reports"`);
  }
}
