import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Clock } from '../../apps/api/src/common/clock';
import { FakeClock } from './fake-clock';
import { ADMIN, TestApp } from './test-app';

/**
 * A further API instance on an existing test database (another "server" behind the load
 * balancer): same settings as createTestApp, its own clock and connection pool. Closing it
 * leaves the database to the app that created it. `env` values of `undefined` unset a variable.
 */
export async function createTestAppOnDatabase(databaseUrl: string, env: Record<string, string | undefined> = {}): Promise<TestApp> {
  const settings: Record<string, string | undefined> = {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'silent',
    LOGIN_IP_LIMIT: '1000',
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
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot()] })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
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
