import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import { Params } from 'nestjs-pino';

/** Paths that must never reach a log: credentials, tokens, patient details. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.passwordHash',
  '*.accessToken',
  '*.refreshToken',
  '*.token',
  '*.patient',
  '*.patientName',
  '*.patientDisplayName',
];

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * The request's id: the caller's `X-Request-Id` when it is a sane token, a new uuid otherwise;
 * kept on the request and echoed in the response header. Given once, at the very start (see
 * assignRequestId), so answers the body parser gives before any Nest middleware carry it too.
 */
export function requestIdOf(req: IncomingMessage & { id?: unknown }, res: ServerResponse): string {
  if (typeof req.id === 'string' && req.id) return req.id;
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  req.id = id;
  res.setHeader('x-request-id', id);
  return id;
}

/** Express middleware, first in the chain: every request has its id before anything can fail. */
export function assignRequestId(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  requestIdOf(req, res);
  next();
}

/** Secrets that travel in paths (signed offer links, invitations, password resets, calendar links and feeds) are masked in the logged URL. */
export function maskUrl(url: string): string {
  return url
    .replace(
      /(\/(?:offer-links|invitations|reconfirm-links|password-reset|calendar\/dispatches|calendar\/feeds)\/)[^/?#]+/g,
      '$1***',
    )
    .replace(/([?&](?:token|t)=)[^&#]+/g, '$1***');
}

/** Readable lines for a person at a terminal (development, when pino-pretty is installed); JSON otherwise. */
function prettyAvailable(): boolean {
  try {
    require.resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

export function loggerParams(
  level: string,
  pretty = process.env.NODE_ENV === 'development' && prettyAvailable(),
): Params {
  return {
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      genReqId: requestIdOf,
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: maskUrl(req.url),
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      ...(pretty
        ? {
            transport: {
              target: 'pino-pretty',
              options: { singleLine: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' },
            },
          }
        : {}),
      customLogLevel: (_req, res, error) =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      autoLogging: { ignore: (req) => req.url === '/api/health' },
    },
  };
}
