import { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { ErrorBody } from './common/openapi/error-body';
import { documentErrors } from './common/openapi/error-responses';
import { FORM_FIELD_LIMIT, refuseHostileInput, refuseUnreadBody } from './common/hostile-input';
import { assignRequestId } from './common/logger';
import { createValidationPipe } from './common/validation.pipe';

export const API_PREFIX = 'api';

/** Largest request body taken (JSON or form); a larger one is answered 413 PAYLOAD_TOO_LARGE. */
export const BODY_LIMIT_BYTES = 100 * 1024;

/** Everything main.ts and the tests set up on an app the same way. */
export function configureApp(app: INestApplication): INestApplication {
  app.useLogger(app.get(Logger));
  // Behind a load balancer the client's address is in X-Forwarded-For; trust only the configured hops.
  const trustProxy = app.get(ConfigService).get<number | string>('TRUST_PROXY') ?? 0;
  const express = app.getHttpAdapter().getInstance() as { set(name: string, value: unknown): void };
  express.set('trust proxy', trustProxy);
  // No ETag on API answers: they are never cached (no-store below), so hashing each body is waste.
  // The panel's files keep theirs (express.static computes its own).
  express.set('etag', false);
  app.setGlobalPrefix(API_PREFIX);
  // In this order: an id for every answer, even one the body parser gives; headers; the body
  // (registered here, Nest then adds no parser of its own); a body none of them read; input no
  // field can hold.
  app.use(assignRequestId);
  app.use(helmet());
  // Most answers carry personal (often patient) data, so no API answer is kept by a browser or proxy
  // cache: one rule for all of /api rather than a list of routes that must not be forgotten.
  app.use(
    `/${API_PREFIX}`,
    (_req: unknown, res: { setHeader(name: string, value: string): void }, next: () => void) => {
      res.setHeader('Cache-Control', 'no-store');
      next();
    },
  );
  (app as NestExpressApplication).useBodyParser('json', { limit: BODY_LIMIT_BYTES });
  (app as NestExpressApplication).useBodyParser('urlencoded', {
    limit: BODY_LIMIT_BYTES,
    extended: true,
    parameterLimit: FORM_FIELD_LIMIT,
  });
  app.use(refuseUnreadBody);
  app.use(refuseHostileInput);
  app.useGlobalPipes(createValidationPipe());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Kumamoto medical interpreter dispatch')
      .setDescription('Requests from partner hospitals, matching, offers, dispatches, reports and training.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
    { extraModels: [ErrorBody] },
  );
  documentErrors(document);
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${API_PREFIX}/docs-json` });
  return app;
}
