import { INestApplication, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Clock } from '../../apps/api/src/common/clock';
import { createTestDatabase } from './test-database';
import { FakeClock } from './fake-clock';

export const ADMIN = { email: 'admin@test.example.jp', password: 'admin-password-123' };

/** A provider replaced for one test file (e.g. another dispatch policy). */
export interface ProviderOverride {
  provide: string | symbol | Type;
  useValue: unknown;
}

export interface TestApp {
  app: INestApplication;
  http: () => ReturnType<typeof request>;
  dataSource: DataSource;
  clock: FakeClock;
  databaseUrl: string;
  close(): Promise<void>;
}

/**
 * The real API on a database of its own, migrated by the app's own start-up. Settings can be
 * overridden per file (e.g. throttling limits).
 */
export async function createTestApp(
  env: Record<string, string> = {},
  extraControllers: Type[] = [],
  overrides: ProviderOverride[] = [],
): Promise<TestApp> {
  const database = await createTestDatabase();
  const t = await createTestAppOnDatabase(database.url, env, extraControllers, overrides);
  return {
    ...t,
    async close() {
      await t.close();
      await database.drop();
    },
  };
}

/**
 * An API instance on an existing test database: used by createTestApp, and for a further
 * instance on the same database (another "server" behind the load balancer) with its own clock
 * and connection pool. Closing it leaves the database alone. `env` values of `undefined` unset a
 * variable.
 */
export async function createTestAppOnDatabase(
  databaseUrl: string,
  env: Record<string, string | undefined> = {},
  extraControllers: Type[] = [],
  overrides: ProviderOverride[] = [],
): Promise<TestApp> {
  const settings: Record<string, string | undefined> = {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'silent',
    LOGIN_IP_LIMIT: '1000',
    LOGIN_PAIR_LIMIT: '1000',
    LOGIN_ACCOUNT_LIMIT: '1000',
    JOBS_ENABLED: 'false',
    JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
    ...env,
  };
  for (const [key, value] of Object.entries(settings)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  const { AppModule } = await import('../../apps/api/src/app.module');
  const { configureApp } = await import('../../apps/api/src/app.setup');
  const clock = new FakeClock();
  let builder = Test.createTestingModule({ imports: [AppModule.forRoot()], controllers: extraControllers })
    .overrideProvider(Clock)
    .useValue(clock);
  for (const { provide, useValue } of overrides) builder = builder.overrideProvider(provide).useValue(useValue);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication({ bufferLogs: false });
  configureApp(app);
  await app.init();
  const server = app.getHttpServer();
  return {
    app,
    http: () => request(server),
    dataSource: app.get(DataSource),
    clock,
    databaseUrl,
    close: () => app.close(),
  };
}

/** Signs in and returns the bearer header value and the token pair. */
export async function login(t: TestApp, email: string, password: string) {
  const res = await t.http().post('/api/auth/login').send({ email, password }).expect(200);
  return { auth: `Bearer ${res.body.accessToken}`, ...res.body } as {
    auth: string;
    accessToken: string;
    refreshToken: string;
    user: { id: string; role: string };
  };
}
