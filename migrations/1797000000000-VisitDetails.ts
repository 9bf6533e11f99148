import { MigrationInterface, QueryRunner } from 'typeorm';

/** What the confirmed interpreter needs on the day: the meeting point, and the number or link of a remote visit. */
export class VisitDetails1797000000000 implements MigrationInterface {
  name = 'VisitDetails1797000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "requests" ADD "notes_for_interpreter" text`);
    await queryRunner.query(`ALTER TABLE "requests" ADD "remote_details" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "requests" DROP COLUMN "remote_details"`);
    await queryRunner.query(`ALTER TABLE "requests" DROP COLUMN "notes_for_interpreter"`);
  }
}
