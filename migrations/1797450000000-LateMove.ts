import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A visit moved inside the late-cancellation window of the start it had then stays late to cancel:
 * the move does not reset the window (otherwise moving first and cancelling a minute later would
 * avoid the late-cancellation fee).
 */
export class LateMove1797450000000 implements MigrationInterface {
  name = 'LateMove1797450000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "requests" ADD "moved_late" boolean NOT NULL DEFAULT false`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "requests" DROP COLUMN "moved_late"`);
  }
}
