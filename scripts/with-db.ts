/**
 * Runs a command with DATABASE_URL set: the given one, or the embedded PostgreSQL of `.data/pg`
 * (started for the command, stopped after). Used by the migration scripts.
 *   ts-node scripts/with-db.ts <command> [args...]
 */
import { spawnSync } from 'node:child_process';
import { resolveDatabase } from '../apps/api/src/database/database-url';

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (!command) throw new Error('usage: with-db <command> [args...]');
  const { url, embedded } = await resolveDatabase((line) => process.stderr.write(`${line}\n`));
  try {
    const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DATABASE_URL: url } });
    return result.status ?? 1;
  } finally {
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  },
);
