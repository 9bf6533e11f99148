import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Calendars without signing in: each dispatch keeps the hash of its confirmation mail's calendar
 * link, and each volunteer the hash of their subscription feed's address with the generation it
 * was made from (renewing bumps it, so the old address stops working).
 */
export class CalendarLinks1797300000000 implements MigrationInterface {
  name = 'CalendarLinks1797300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "dispatches" ADD "calendar_token_hash" character(64)`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_dispatches_calendar_token" ON "dispatches" ("calendar_token_hash") `,
    );
    await queryRunner.query(`ALTER TABLE "volunteers" ADD "calendar_feed_token_hash" character(64)`);
    await queryRunner.query(`ALTER TABLE "volunteers" ADD "calendar_feed_generation" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_volunteers_calendar_feed_token" ON "volunteers" ("calendar_feed_token_hash") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_volunteers_calendar_feed_token"`);
    await queryRunner.query(`ALTER TABLE "volunteers" DROP COLUMN "calendar_feed_generation"`);
    await queryRunner.query(`ALTER TABLE "volunteers" DROP COLUMN "calendar_feed_token_hash"`);
    await queryRunner.query(`DROP INDEX "public"."uq_dispatches_calendar_token"`);
    await queryRunner.query(`ALTER TABLE "dispatches" DROP COLUMN "calendar_token_hash"`);
  }
}
