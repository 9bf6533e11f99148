import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Trainee shadowing (#22): the hospital's consent per request (`trainee_welcome`), whether the
 * programme pays a trainee's transport (fee rules), the practicum record of a shadow dispatch, and
 * the database's guard that a trainee never holds the interpreter's seat. (One shadow per request
 * is `uq_dispatches_one_live_per_request`, unique per request and role, already.)
 */
export class TraineeShadowing1797700000000 implements MigrationInterface {
  name = 'TraineeShadowing1797700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "requests" ADD "trainee_welcome" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "fee_rules" ADD "trainee_transport_paid" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `CREATE TABLE "practicum_reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "dispatch_id" uuid NOT NULL, "volunteer_id" uuid NOT NULL, "observed" text NOT NULL, "would_study" text NOT NULL, "transport_cost_yen" integer NOT NULL DEFAULT '0', "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "interpreter_feedback" text, "feedback_by" uuid, "feedback_at" TIMESTAMP WITH TIME ZONE, "review_status" character varying(12) NOT NULL DEFAULT 'pending', "reviewed_by" uuid, "reviewed_at" TIMESTAMP WITH TIME ZONE, "review_comment" character varying(2000), CONSTRAINT "ck_practicum_reports_transport" CHECK ("transport_cost_yen" >= 0), CONSTRAINT "ck_practicum_reports_review_status" CHECK ("review_status" IN ('pending', 'reviewed', 'follow_up')), CONSTRAINT "PK_practicum_reports" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_practicum_reports_dispatch" ON "practicum_reports" ("dispatch_id") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_practicum_reports_volunteer" ON "practicum_reports" ("volunteer_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_practicum_reports_review_queue" ON "practicum_reports" ("review_status", "submitted_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "practicum_reports" ADD CONSTRAINT "fk_practicum_reports_dispatch" FOREIGN KEY ("dispatch_id") REFERENCES "dispatches"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "practicum_reports" ADD CONSTRAINT "fk_practicum_reports_volunteer" FOREIGN KEY ("volunteer_id") REFERENCES "volunteers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // A trainee only ever shadows: the interpreter's seat refuses them whatever the code path.
    await queryRunner.query(
      `CREATE FUNCTION dispatch_primary_not_trainee() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF NEW.role = 'primary' AND EXISTS (SELECT 1 FROM volunteers v WHERE v.id = NEW.volunteer_id AND v.level = 'trainee') THEN
           RAISE EXCEPTION 'a trainee cannot hold the interpreter''s seat' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_dispatches_primary_not_trainee', TABLE = 'dispatches';
         END IF;
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "tr_dispatches_primary_not_trainee" BEFORE INSERT OR UPDATE OF "role", "volunteer_id" ON "dispatches" FOR EACH ROW EXECUTE FUNCTION dispatch_primary_not_trainee()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "tr_dispatches_primary_not_trainee" ON "dispatches"`);
    await queryRunner.query(`DROP FUNCTION dispatch_primary_not_trainee()`);
    await queryRunner.query(`DROP TABLE "practicum_reports"`);
    await queryRunner.query(`ALTER TABLE "fee_rules" DROP COLUMN "trainee_transport_paid"`);
    await queryRunner.query(`ALTER TABLE "requests" DROP COLUMN "trainee_welcome"`);
  }
}
