import { MigrationInterface, QueryRunner } from 'typeorm';

export class JobsAndMail1795747562842 implements MigrationInterface {
  name = 'JobsAndMail1795747562842';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "jobs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "type" character varying(64) NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "payload" jsonb NOT NULL DEFAULT '{}', "key" character varying(200), "status" character varying(16) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "last_error" character varying(500), "claimed_by" character varying(100), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_jobs_attempts" CHECK ("attempts" >= 0), CONSTRAINT "ck_jobs_status" CHECK ("status" IN ('pending', 'done', 'failed', 'cancelled')), CONSTRAINT "PK_cf0a6c42b72fcc7f7c237def345" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_jobs_key" ON "jobs"  ("key") `);
    await queryRunner.query(`CREATE INDEX "ix_jobs_status_due" ON "jobs"  ("status", "due_at") `);
    await queryRunner.query(
      `CREATE TABLE "mail_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "idempotency_key" character varying(200) NOT NULL, "to_address" character varying(254) NOT NULL, "locale" character varying(2) NOT NULL, "template" character varying(40) NOT NULL, "subject" character varying(300) NOT NULL, "text_body" text NOT NULL, "html_body" text NOT NULL, "attachments" jsonb, "status" character varying(16) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE, "last_error" character varying(500), "message_id" character varying(300) NOT NULL, "user_id" uuid, CONSTRAINT "ck_mail_messages_locale" CHECK ("locale" IN ('ja', 'en')), CONSTRAINT "ck_mail_messages_status" CHECK ("status" IN ('pending', 'sent', 'failed', 'kept')), CONSTRAINT "PK_1bd6e76ef3b3d4aff7d0510a509" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_mail_messages_idempotency_key" ON "mail_messages"  ("idempotency_key") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_mail_messages_user" ON "mail_messages"  ("user_id") `);
    await queryRunner.query(`CREATE INDEX "ix_mail_messages_created" ON "mail_messages"  ("created_at") `);
    await queryRunner.query(
      `CREATE INDEX "ix_mail_messages_status_next" ON "mail_messages"  ("status", "next_attempt_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "user_invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c8005acb91c3ce9a7ae581eca8f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_user_invitations_user" ON "user_invitations"  ("user_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_user_invitations_token_hash" ON "user_invitations"  ("token_hash") `,
    );
    await queryRunner.query(
      `ALTER TABLE "mail_messages" ADD CONSTRAINT "fk_mail_messages_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_invitations" ADD CONSTRAINT "fk_user_invitations_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user_invitations" DROP CONSTRAINT "fk_user_invitations_user"`);
    await queryRunner.query(`ALTER TABLE "mail_messages" DROP CONSTRAINT "fk_mail_messages_user"`);
    await queryRunner.query(`DROP INDEX "public"."uq_user_invitations_token_hash"`);
    await queryRunner.query(`DROP INDEX "public"."ix_user_invitations_user"`);
    await queryRunner.query(`DROP TABLE "user_invitations"`);
    await queryRunner.query(`DROP INDEX "public"."ix_mail_messages_status_next"`);
    await queryRunner.query(`DROP INDEX "public"."ix_mail_messages_created"`);
    await queryRunner.query(`DROP INDEX "public"."ix_mail_messages_user"`);
    await queryRunner.query(`DROP INDEX "public"."uq_mail_messages_idempotency_key"`);
    await queryRunner.query(`DROP TABLE "mail_messages"`);
    await queryRunner.query(`DROP INDEX "public"."ix_jobs_status_due"`);
    await queryRunner.query(`DROP INDEX "public"."uq_jobs_key"`);
    await queryRunner.query(`DROP TABLE "jobs"`);
  }
}
