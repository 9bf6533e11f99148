import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The candidates' reads (#21): the language's speakers through a GIN index instead of a scan of
 * every volunteer, and the attended courses and 180-day response rate read from indexes alone
 * (each index gains the columns those reads need; every earlier use is a prefix of it).
 */
export class CandidateReadIndexes1797900000000 implements MigrationInterface {
  name = 'CandidateReadIndexes1797900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_volunteers_languages" ON "volunteers" USING gin ("languages" jsonb_path_ops)`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_course_attendances_volunteer"`);
    await queryRunner.query(
      `CREATE INDEX "ix_course_attendances_volunteer" ON "course_attendances" ("volunteer_id", "status", "course_id") `,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_offers_volunteer_status"`);
    await queryRunner.query(
      `CREATE INDEX "ix_offers_volunteer_status" ON "offers" ("volunteer_id", "status", "created_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_offers_volunteer_status"`);
    await queryRunner.query(`CREATE INDEX "ix_offers_volunteer_status" ON "offers" ("volunteer_id", "status") `);
    await queryRunner.query(`DROP INDEX "public"."ix_course_attendances_volunteer"`);
    await queryRunner.query(`CREATE INDEX "ix_course_attendances_volunteer" ON "course_attendances" ("volunteer_id") `);
    await queryRunner.query(`DROP INDEX "public"."ix_volunteers_languages"`);
  }
}
