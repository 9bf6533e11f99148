import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Moving a confirmed visit: the dispatch keeps the start the visit had before the hospital last
 * moved it, so the interpreter is told "from … to …" and their answer (reconfirm, or "I can't go"
 * without it counting against them) is read against that move.
 */
export class VisitMoves1797400000000 implements MigrationInterface {
  name = 'VisitMoves1797400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "dispatches" ADD "rescheduled_from" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "dispatches" DROP COLUMN "rescheduled_from"`);
  }
}
