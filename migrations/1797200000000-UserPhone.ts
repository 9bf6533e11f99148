import { MigrationInterface, QueryRunner } from 'typeorm';

/** A coordinator's direct line, for the confirmed interpreter who is late or lost on the day. */
export class UserPhone1797200000000 implements MigrationInterface {
  name = 'UserPhone1797200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "phone" character varying(40)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "phone"`);
  }
}
