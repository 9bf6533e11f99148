import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Offers gain the status `released`: accepted, then the dispatch was cancelled or handed on. Until
 * now the acceptance stayed `accepted`, and the one-accepted-offer index refused every later
 * acceptance of the reopened request. TypeORM does not diff CHECK constraints, so this one is
 * written by hand; existing accepted offers whose dispatch is cancelled are released too.
 */
export class OfferReleased1795750000000 implements MigrationInterface {
  name = 'OfferReleased1795750000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "offers" DROP CONSTRAINT "ck_offers_status"`);
    await queryRunner.query(
      `ALTER TABLE "offers" ADD CONSTRAINT "ck_offers_status" CHECK ("status" IN ('pending', 'accepted', 'declined', 'expired', 'withdrawn', 'released'))`,
    );
    await queryRunner.query(
      `UPDATE "offers" o SET "status" = 'released' FROM "dispatches" d WHERE d."offer_id" = o."id" AND d."status" = 'cancelled' AND o."status" = 'accepted'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "offers" SET "status" = 'accepted' WHERE "status" = 'released'`);
    await queryRunner.query(`ALTER TABLE "offers" DROP CONSTRAINT "ck_offers_status"`);
    await queryRunner.query(
      `ALTER TABLE "offers" ADD CONSTRAINT "ck_offers_status" CHECK ("status" IN ('pending', 'accepted', 'declined', 'expired', 'withdrawn'))`,
    );
  }
}
