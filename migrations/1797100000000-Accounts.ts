import { MigrationInterface, QueryRunner } from 'typeorm';

/** Forgotten passwords (single-use mailed links) and sessions kept across browser restarts. */
export class Accounts1797100000000 implements MigrationInterface {
  name = 'Accounts1797100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "password_resets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_password_resets" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_password_resets_user" ON "password_resets" ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_password_resets_token_hash" ON "password_resets" ("token_hash") `);
    await queryRunner.query(
      `ALTER TABLE "password_resets" ADD CONSTRAINT "fk_password_resets_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "refresh_tokens" ADD "persistent" boolean NOT NULL DEFAULT false`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "refresh_tokens" DROP COLUMN "persistent"`);
    await queryRunner.query(`ALTER TABLE "password_resets" DROP CONSTRAINT "fk_password_resets_user"`);
    await queryRunner.query(`DROP INDEX "public"."uq_password_resets_token_hash"`);
    await queryRunner.query(`DROP INDEX "public"."ix_password_resets_user"`);
    await queryRunner.query(`DROP TABLE "password_resets"`);
  }
}
