import { MigrationInterface, QueryRunner } from 'typeorm';

/** When a change that matters to matching last started a request's offers again (answers before it do not count). */
export class RequestTermsChangedAt1795787513107 implements MigrationInterface {
  name = 'RequestTermsChangedAt1795787513107';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "requests" ADD "terms_changed_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "requests" DROP COLUMN "terms_changed_at"`);
  }
}
