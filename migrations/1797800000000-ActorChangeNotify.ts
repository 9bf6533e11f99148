import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each API process keeps signed-in callers' accounts in memory (ActorCache) and must hear at once
 * when one changes in a way that ends or narrows its sessions: the database tells it, from any
 * process or tool that writes the row, on the commit.
 */
export class ActorChangeNotify1797800000000 implements MigrationInterface {
  name = 'ActorChangeNotify1797800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION notify_actor_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- A TRUNCATE has no row: everyone is forgotten.
        PERFORM pg_notify('actor_changed', CASE WHEN TG_LEVEL = 'ROW' THEN OLD.id::text ELSE '*' END);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER trg_users_actor_changed
        AFTER UPDATE OF email, role, hospital_id, volunteer_id, token_version, active ON users
        FOR EACH ROW
        WHEN (OLD.email IS DISTINCT FROM NEW.email OR OLD.role IS DISTINCT FROM NEW.role
          OR OLD.hospital_id IS DISTINCT FROM NEW.hospital_id OR OLD.volunteer_id IS DISTINCT FROM NEW.volunteer_id
          OR OLD.token_version IS DISTINCT FROM NEW.token_version OR OLD.active IS DISTINCT FROM NEW.active)
        EXECUTE FUNCTION notify_actor_changed()`);
    await queryRunner.query(`
      CREATE TRIGGER trg_users_actor_deleted AFTER DELETE ON users
        FOR EACH ROW EXECUTE FUNCTION notify_actor_changed()`);
    await queryRunner.query(`
      CREATE TRIGGER trg_users_actor_truncated AFTER TRUNCATE ON users
        FOR EACH STATEMENT EXECUTE FUNCTION notify_actor_changed()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER trg_users_actor_truncated ON users`);
    await queryRunner.query(`DROP TRIGGER trg_users_actor_deleted ON users`);
    await queryRunner.query(`DROP TRIGGER trg_users_actor_changed ON users`);
    await queryRunner.query(`DROP FUNCTION notify_actor_changed()`);
  }
}
