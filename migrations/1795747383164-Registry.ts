import { MigrationInterface, QueryRunner } from 'typeorm';

export class Registry1795747383164 implements MigrationInterface {
  name = 'Registry1795747383164';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "training_courses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "title" character varying(200) NOT NULL, "kind" character varying(16) NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "venue" character varying(200) NOT NULL DEFAULT '', "capacity" integer NOT NULL, "hours" numeric(5,2) NOT NULL, CONSTRAINT "ck_training_courses_hours" CHECK ("hours" > 0), CONSTRAINT "ck_training_courses_capacity" CHECK ("capacity" > 0), CONSTRAINT "ck_training_courses_times" CHECK ("ends_at" > "starts_at"), CONSTRAINT "ck_training_courses_kind" CHECK ("kind" IN ('initial', 'skill_up')), CONSTRAINT "PK_13bbeecb2ed8a1f45be3c02d68e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_training_courses_starts_at" ON "training_courses"  ("starts_at") `);
    await queryRunner.query(
      `CREATE TABLE "volunteers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "display_name" character varying(120) NOT NULL, "name_kana" character varying(120) NOT NULL, "email" character varying(254) NOT NULL, "phone" character varying(40), "gender" character varying(8) NOT NULL, "home_area" character varying(40) NOT NULL, "languages" jsonb NOT NULL, "level" character varying(16) NOT NULL, "status" character varying(16) NOT NULL, "pledge_signed_at" TIMESTAMP WITH TIME ZONE, "insurance_valid_until" date, "max_dispatches_per_month" integer NOT NULL, "availability" jsonb NOT NULL, "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_dispatch_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_volunteers_max_dispatches" CHECK ("max_dispatches_per_month" BETWEEN 0 AND 62), CONSTRAINT "ck_volunteers_availability" CHECK (jsonb_typeof("availability" -> 'weekly') = 'array' AND jsonb_typeof("availability" -> 'exceptions') = 'array'), CONSTRAINT "ck_volunteers_languages" CHECK (jsonb_typeof("languages") = 'array'), CONSTRAINT "ck_volunteers_status" CHECK ("status" IN ('active', 'suspended', 'retired')), CONSTRAINT "ck_volunteers_level" CHECK ("level" IN ('trainee', 'standard', 'advanced')), CONSTRAINT "ck_volunteers_gender" CHECK ("gender" IN ('female', 'male', 'other')), CONSTRAINT "ck_volunteers_email_lower" CHECK ("email" = lower("email")), CONSTRAINT "PK_f4e65e37cf47256e3f580ecee62" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_volunteers_email" ON "volunteers"  ("email") `);
    await queryRunner.query(
      `CREATE TABLE "course_attendances" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "course_id" uuid NOT NULL, "volunteer_id" uuid NOT NULL, "status" character varying(16) NOT NULL, CONSTRAINT "ck_course_attendances_status" CHECK ("status" IN ('registered', 'attended', 'absent')), CONSTRAINT "PK_6c871736260d1ed61efff011dba" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_course_attendances_volunteer" ON "course_attendances"  ("volunteer_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_course_attendances_course_volunteer" ON "course_attendances"  ("course_id", "volunteer_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "hospitals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" character varying(200) NOT NULL, "address" character varying(300) NOT NULL DEFAULT '', "area" character varying(40) NOT NULL, "phone" character varying(40), "active" boolean NOT NULL DEFAULT true, CONSTRAINT "ck_hospitals_name_not_blank" CHECK (length(trim("name")) > 0), CONSTRAINT "PK_02738c80d71453bc3e369a01766" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_hospitals_name" ON "hospitals"  ("name") `);
    await queryRunner.query(
      `CREATE TABLE "volunteer_bans" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "volunteer_id" uuid NOT NULL, "hospital_id" uuid, "patient_key" character varying(100), "reason" character varying(500) NOT NULL, "created_by" uuid, CONSTRAINT "ck_volunteer_bans_one_target" CHECK (("hospital_id" IS NULL) <> ("patient_key" IS NULL)), CONSTRAINT "PK_1196502187a2da0d61d8cc013e1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_volunteer_bans_patient" ON "volunteer_bans"  ("volunteer_id", "patient_key") WHERE "patient_key" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_volunteer_bans_hospital" ON "volunteer_bans"  ("volunteer_id", "hospital_id") WHERE "hospital_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "volunteer_level_changes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "volunteer_id" uuid NOT NULL, "from_level" character varying(16) NOT NULL, "to_level" character varying(16) NOT NULL, "changed_by" uuid, "reason" character varying(500) NOT NULL, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "ck_volunteer_level_changes_to" CHECK ("to_level" IN ('trainee', 'standard', 'advanced')), CONSTRAINT "PK_d90f466141161168281d8055ec9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_volunteer_level_changes_volunteer" ON "volunteer_level_changes"  ("volunteer_id") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_users_hospital" ON "users"  ("hospital_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_users_volunteer" ON "users"  ("volunteer_id") WHERE "volunteer_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "course_attendances" ADD CONSTRAINT "fk_course_attendances_course" FOREIGN KEY ("course_id") REFERENCES "training_courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "course_attendances" ADD CONSTRAINT "fk_course_attendances_volunteer" FOREIGN KEY ("volunteer_id") REFERENCES "volunteers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "fk_users_hospital" FOREIGN KEY ("hospital_id") REFERENCES "hospitals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "fk_users_volunteer" FOREIGN KEY ("volunteer_id") REFERENCES "volunteers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "volunteer_bans" ADD CONSTRAINT "fk_volunteer_bans_volunteer" FOREIGN KEY ("volunteer_id") REFERENCES "volunteers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "volunteer_bans" ADD CONSTRAINT "fk_volunteer_bans_hospital" FOREIGN KEY ("hospital_id") REFERENCES "hospitals"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "volunteer_bans" ADD CONSTRAINT "fk_volunteer_bans_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "volunteer_level_changes" ADD CONSTRAINT "fk_volunteer_level_changes_volunteer" FOREIGN KEY ("volunteer_id") REFERENCES "volunteers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "volunteer_level_changes" ADD CONSTRAINT "fk_volunteer_level_changes_changed_by" FOREIGN KEY ("changed_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "volunteer_level_changes" DROP CONSTRAINT "fk_volunteer_level_changes_changed_by"`,
    );
    await queryRunner.query(
      `ALTER TABLE "volunteer_level_changes" DROP CONSTRAINT "fk_volunteer_level_changes_volunteer"`,
    );
    await queryRunner.query(`ALTER TABLE "volunteer_bans" DROP CONSTRAINT "fk_volunteer_bans_created_by"`);
    await queryRunner.query(`ALTER TABLE "volunteer_bans" DROP CONSTRAINT "fk_volunteer_bans_hospital"`);
    await queryRunner.query(`ALTER TABLE "volunteer_bans" DROP CONSTRAINT "fk_volunteer_bans_volunteer"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "fk_users_volunteer"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "fk_users_hospital"`);
    await queryRunner.query(`ALTER TABLE "course_attendances" DROP CONSTRAINT "fk_course_attendances_volunteer"`);
    await queryRunner.query(`ALTER TABLE "course_attendances" DROP CONSTRAINT "fk_course_attendances_course"`);
    await queryRunner.query(`DROP INDEX "public"."uq_users_volunteer"`);
    await queryRunner.query(`DROP INDEX "public"."ix_users_hospital"`);
    await queryRunner.query(`DROP INDEX "public"."ix_volunteer_level_changes_volunteer"`);
    await queryRunner.query(`DROP TABLE "volunteer_level_changes"`);
    await queryRunner.query(`DROP INDEX "public"."uq_volunteer_bans_hospital"`);
    await queryRunner.query(`DROP INDEX "public"."uq_volunteer_bans_patient"`);
    await queryRunner.query(`DROP TABLE "volunteer_bans"`);
    await queryRunner.query(`DROP INDEX "public"."uq_hospitals_name"`);
    await queryRunner.query(`DROP TABLE "hospitals"`);
    await queryRunner.query(`DROP INDEX "public"."uq_course_attendances_course_volunteer"`);
    await queryRunner.query(`DROP INDEX "public"."ix_course_attendances_volunteer"`);
    await queryRunner.query(`DROP TABLE "course_attendances"`);
    await queryRunner.query(`DROP INDEX "public"."uq_volunteers_email"`);
    await queryRunner.query(`DROP TABLE "volunteers"`);
    await queryRunner.query(`DROP INDEX "public"."ix_training_courses_starts_at"`);
    await queryRunner.query(`DROP TABLE "training_courses"`);
  }
}
