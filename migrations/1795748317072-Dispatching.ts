import { MigrationInterface, QueryRunner } from 'typeorm';

export class Dispatching1795748317072 implements MigrationInterface {
  name = 'Dispatching1795748317072';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await queryRunner.query(
      `CREATE TABLE "requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "hospital_id" uuid NOT NULL, "language" character varying(2) NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "department" character varying(32) NOT NULL, "visit_type" character varying(32) NOT NULL, "mode" character varying(8) NOT NULL DEFAULT 'onsite', "interpreter_gender" character varying(8) NOT NULL DEFAULT 'any', "required_level" character varying(16) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'open', "patient_key" character varying(64), "notes" text, "urgent" boolean NOT NULL DEFAULT false, "escalation_reason" character varying(32), "on_hold" boolean NOT NULL DEFAULT false, "wave_count" integer NOT NULL DEFAULT '0', "created_by" uuid, CONSTRAINT "ck_requests_status" CHECK ("status" IN ('open', 'offered', 'confirmed', 'completed', 'escalated', 'cancelled')), CONSTRAINT "ck_requests_required_level" CHECK ("required_level" IN ('standard', 'advanced')), CONSTRAINT "ck_requests_interpreter_gender" CHECK ("interpreter_gender" IN ('any', 'female', 'male')), CONSTRAINT "ck_requests_mode" CHECK ("mode" IN ('onsite', 'phone', 'video')), CONSTRAINT "ck_requests_language" CHECK ("language" ~ '^[a-z]{2}$'), CONSTRAINT "ck_requests_time_order" CHECK ("ends_at" > "starts_at"), CONSTRAINT "PK_0428f484e96f9e6a55955f29b5f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_requests_hospital" ON "requests"  ("hospital_id") `);
    await queryRunner.query(`CREATE INDEX "ix_requests_status_starts_at" ON "requests"  ("status", "starts_at") `);
    await queryRunner.query(
      `CREATE TABLE "dispatches" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "request_id" uuid NOT NULL, "volunteer_id" uuid NOT NULL, "offer_id" uuid, "role" character varying(8) NOT NULL DEFAULT 'primary', "status" character varying(12) NOT NULL DEFAULT 'confirmed', "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "busy_from" TIMESTAMP WITH TIME ZONE NOT NULL, "busy_until" TIMESTAMP WITH TIME ZONE NOT NULL, "area" character varying(40), "override_reason" character varying(500), "actual_start" TIMESTAMP WITH TIME ZONE, "actual_end" TIMESTAMP WITH TIME ZONE, "cancel_reason" character varying(500), "late_cancellation" boolean NOT NULL DEFAULT false, "no_show_party" character varying(12), "reconfirm_token_hash" character(64), "reconfirmed_at" TIMESTAMP WITH TIME ZONE, "reconfirmation_missed" boolean NOT NULL DEFAULT false, CONSTRAINT "ck_dispatches_busy" CHECK ("busy_from" <= "starts_at" AND "busy_until" >= "ends_at" AND "ends_at" > "starts_at"), CONSTRAINT "ck_dispatches_role" CHECK ("role" IN ('primary', 'shadow')), CONSTRAINT "ck_dispatches_status" CHECK ("status" IN ('confirmed', 'completed', 'cancelled', 'no_show')), CONSTRAINT "ex_dispatch_no_overlap" EXCLUDE USING gist ("volunteer_id" WITH =, tstzrange("busy_from", "busy_until", '[)') WITH &&) WHERE ("status" = 'confirmed'), CONSTRAINT "PK_e4f5defc12b20b66acf58f5c8b9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_dispatches_request" ON "dispatches"  ("request_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_dispatches_reconfirm_token" ON "dispatches"  ("reconfirm_token_hash") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_dispatches_volunteer_starts" ON "dispatches"  ("volunteer_id", "starts_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_dispatches_one_live_per_request" ON "dispatches"  ("request_id", "role") WHERE "status" IN ('confirmed', 'completed')`,
    );
    await queryRunner.query(
      `CREATE TABLE "offers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "request_id" uuid NOT NULL, "volunteer_id" uuid NOT NULL, "role" character varying(8) NOT NULL DEFAULT 'primary', "status" character varying(12) NOT NULL DEFAULT 'pending', "wave" integer NOT NULL DEFAULT '0', "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "responded_at" TIMESTAMP WITH TIME ZONE, "decline_reason" character varying(500), "link_token_hash" character(64), CONSTRAINT "ck_offers_role" CHECK ("role" IN ('primary', 'shadow')), CONSTRAINT "ck_offers_status" CHECK ("status" IN ('pending', 'accepted', 'declined', 'expired', 'withdrawn')), CONSTRAINT "PK_4c88e956195bba85977da21b8f4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_offers_request" ON "offers"  ("request_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_offers_link_token" ON "offers"  ("link_token_hash") `);
    await queryRunner.query(`CREATE INDEX "ix_offers_volunteer_status" ON "offers"  ("volunteer_id", "status") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_offers_one_pending_per_volunteer" ON "offers"  ("request_id", "volunteer_id") WHERE "status" = 'pending'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_offers_one_accepted_per_request" ON "offers"  ("request_id", "role") WHERE "status" = 'accepted'`,
    );
    await queryRunner.query(
      `CREATE TABLE "request_patients" ("request_id" uuid NOT NULL, "display_name" character varying(120) NOT NULL, "gender" character varying(8) NOT NULL, "age_band" character varying(8) NOT NULL, "nationality" character varying(80), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_request_patients_age_band" CHECK ("age_band" IN ('infant', 'child', 'adult', 'senior')), CONSTRAINT "ck_request_patients_gender" CHECK ("gender" IN ('female', 'male', 'other')), CONSTRAINT "PK_83019650b12421f01b058be543a" PRIMARY KEY ("request_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "status_transitions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "subject_type" character varying(12) NOT NULL, "subject_id" uuid NOT NULL, "from_status" character varying(12), "to_status" character varying(12) NOT NULL, "event" character varying(24) NOT NULL, "actor_id" uuid, "reason" character varying(500), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b39031ac00cddef2b3ed135e7b4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_status_transitions_subject" ON "status_transitions"  ("subject_type", "subject_id", "at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "requests" ADD CONSTRAINT "fk_requests_hospital" FOREIGN KEY ("hospital_id") REFERENCES "hospitals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "dispatches" ADD CONSTRAINT "fk_dispatches_request" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "dispatches" ADD CONSTRAINT "fk_dispatches_volunteer" FOREIGN KEY ("volunteer_id") REFERENCES "volunteers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "offers" ADD CONSTRAINT "fk_offers_request" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "offers" ADD CONSTRAINT "fk_offers_volunteer" FOREIGN KEY ("volunteer_id") REFERENCES "volunteers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "request_patients" ADD CONSTRAINT "fk_request_patients_request" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // The workflow log is append-only.
    await queryRunner.query(
      `CREATE FUNCTION forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege'; END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "tr_status_transitions_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "status_transitions" FOR EACH STATEMENT EXECUTE FUNCTION forbid_change()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "tr_status_transitions_append_only" ON "status_transitions"`);
    await queryRunner.query(`DROP FUNCTION forbid_change()`);
    await queryRunner.query(`ALTER TABLE "request_patients" DROP CONSTRAINT "fk_request_patients_request"`);
    await queryRunner.query(`ALTER TABLE "offers" DROP CONSTRAINT "fk_offers_volunteer"`);
    await queryRunner.query(`ALTER TABLE "offers" DROP CONSTRAINT "fk_offers_request"`);
    await queryRunner.query(`ALTER TABLE "dispatches" DROP CONSTRAINT "fk_dispatches_volunteer"`);
    await queryRunner.query(`ALTER TABLE "dispatches" DROP CONSTRAINT "fk_dispatches_request"`);
    await queryRunner.query(`ALTER TABLE "requests" DROP CONSTRAINT "fk_requests_hospital"`);
    await queryRunner.query(`DROP INDEX "public"."ix_status_transitions_subject"`);
    await queryRunner.query(`DROP TABLE "status_transitions"`);
    await queryRunner.query(`DROP TABLE "request_patients"`);
    await queryRunner.query(`DROP INDEX "public"."uq_offers_one_accepted_per_request"`);
    await queryRunner.query(`DROP INDEX "public"."uq_offers_one_pending_per_volunteer"`);
    await queryRunner.query(`DROP INDEX "public"."ix_offers_volunteer_status"`);
    await queryRunner.query(`DROP INDEX "public"."uq_offers_link_token"`);
    await queryRunner.query(`DROP INDEX "public"."ix_offers_request"`);
    await queryRunner.query(`DROP TABLE "offers"`);
    await queryRunner.query(`DROP INDEX "public"."uq_dispatches_one_live_per_request"`);
    await queryRunner.query(`DROP INDEX "public"."ix_dispatches_volunteer_starts"`);
    await queryRunner.query(`DROP INDEX "public"."uq_dispatches_reconfirm_token"`);
    await queryRunner.query(`DROP INDEX "public"."ix_dispatches_request"`);
    await queryRunner.query(`DROP TABLE "dispatches"`);
    await queryRunner.query(`DROP INDEX "public"."ix_requests_status_starts_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_requests_hospital"`);
    await queryRunner.query(`DROP TABLE "requests"`);
  }
}
