import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who gave a cancelled dispatch up (`hospital` | `interpreter`): a late cancellation is charged to
 * the hospital only when it cancelled. Earlier cancellations were all charged as the hospital's,
 * so they are recorded as such (statements of past months stay as they were), except dispatches
 * handed on in a swap, which nobody cancelled.
 */
export class DispatchCancelledBy1795786155076 implements MigrationInterface {
  name = 'DispatchCancelledBy1795786155076';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "dispatches" ADD "cancelled_by" character varying(12)`);
    await queryRunner.query(
      `ALTER TABLE "dispatches" ADD CONSTRAINT "ck_dispatches_cancelled_by" CHECK ("cancelled_by" IN ('hospital', 'interpreter'))`,
    );
    await queryRunner.query(
      `UPDATE "dispatches" SET "cancelled_by" = 'hospital' WHERE "status" = 'cancelled' AND coalesce("cancel_reason", '') NOT LIKE 'Handed on so that%'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "dispatches" DROP CONSTRAINT "ck_dispatches_cancelled_by"`);
    await queryRunner.query(`ALTER TABLE "dispatches" DROP COLUMN "cancelled_by"`);
  }
}
