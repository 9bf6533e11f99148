import { MigrationInterface, QueryRunner } from 'typeorm';

/** Mail is retried until its purpose passes (`useful_until`), then `obsolete`; the retention sweep records when it erased a body (`purged_at`). */
export class MailNeverLost1795800000000 implements MigrationInterface {
  name = 'MailNeverLost1795800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mail_messages" ADD "useful_until" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "mail_messages" ADD "purged_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "mail_messages" DROP CONSTRAINT "ck_mail_messages_status"`);
    await queryRunner.query(
      `ALTER TABLE "mail_messages" ADD CONSTRAINT "ck_mail_messages_status" CHECK ("status" IN ('pending', 'sent', 'failed', 'obsolete', 'kept'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "mail_messages" SET "status" = 'failed' WHERE "status" = 'obsolete'`);
    await queryRunner.query(`ALTER TABLE "mail_messages" DROP CONSTRAINT "ck_mail_messages_status"`);
    await queryRunner.query(
      `ALTER TABLE "mail_messages" ADD CONSTRAINT "ck_mail_messages_status" CHECK ("status" IN ('pending', 'sent', 'failed', 'kept'))`,
    );
    await queryRunner.query(`ALTER TABLE "mail_messages" DROP COLUMN "purged_at"`);
    await queryRunner.query(`ALTER TABLE "mail_messages" DROP COLUMN "useful_until"`);
  }
}
