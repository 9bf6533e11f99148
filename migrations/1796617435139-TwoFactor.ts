import { MigrationInterface, QueryRunner } from 'typeorm';

/** Two-factor sign-in (TOTP) for staff and admins: the encrypted secret per user and the hashed single-use recovery codes. */
export class TwoFactor1796617435139 implements MigrationInterface {
  name = 'TwoFactor1796617435139';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "user_two_factors" ("user_id" uuid NOT NULL, "secret_encrypted" character varying(255) NOT NULL, "enabled_at" TIMESTAMP WITH TIME ZONE, "last_time_step" bigint, "failed_attempts" integer NOT NULL DEFAULT '0', "blocked_until" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_user_two_factors_failed" CHECK ("failed_attempts" >= 0), CONSTRAINT "pk_user_two_factors" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "user_recovery_codes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "code_hash" character(64) NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_user_recovery_codes" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_user_recovery_codes_user" ON "user_recovery_codes"  ("user_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_user_recovery_codes_hash" ON "user_recovery_codes"  ("code_hash") `,
    );
    await queryRunner.query(
      `ALTER TABLE "user_two_factors" ADD CONSTRAINT "fk_user_two_factors_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_recovery_codes" ADD CONSTRAINT "fk_user_recovery_codes_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user_recovery_codes" DROP CONSTRAINT "fk_user_recovery_codes_user"`);
    await queryRunner.query(`ALTER TABLE "user_two_factors" DROP CONSTRAINT "fk_user_two_factors_user"`);
    await queryRunner.query(`DROP INDEX "public"."uq_user_recovery_codes_hash"`);
    await queryRunner.query(`DROP INDEX "public"."ix_user_recovery_codes_user"`);
    await queryRunner.query(`DROP TABLE "user_recovery_codes"`);
    await queryRunner.query(`DROP TABLE "user_two_factors"`);
  }
}
