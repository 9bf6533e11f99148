import { ENTITIES } from '@app/domain';
import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../../migrations';

/**
 * The one description of how the app talks to PostgreSQL, shared by the Nest module, the
 * TypeORM CLI and the tests. The schema only ever changes through migrations.
 */
export function typeOrmOptions(url: string, overrides: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    uuidExtension: 'pgcrypto',
    // Only migrations: query errors would print parameters, which can hold personal data.
    logging: ['migration'],
    // A burst (everyone tapping "accept" at once) queues for a connection rather than failing.
    extra: { max: 20, connectionTimeoutMillis: 20_000, application_name: 'kumamoto-dispatch' },
    ...overrides,
  } as DataSourceOptions;
}

/** The URL with its password hidden, for messages. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
