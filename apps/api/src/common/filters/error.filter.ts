import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Response } from 'express';
import { constraintError, DomainError, fieldErrorsFor, type FieldError } from '@app/domain';
import { QueryFailedError } from 'typeorm';
import { FORM_FIELD_LIMIT } from '../hostile-input';

const STATUS: Record<DomainError['kind'], number> = {
  bad_request: HttpStatus.BAD_REQUEST,
  unauthorized: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  invalid: HttpStatus.UNPROCESSABLE_ENTITY,
  too_many: HttpStatus.TOO_MANY_REQUESTS,
  gone: HttpStatus.GONE,
};

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'VALIDATION_FAILED',
  429: 'TOO_MANY_REQUESTS',
};

export interface ErrorBody {
  code: string;
  message: string;
  errors?: Record<string, string[]>;
  /** Validation answers: each refusal with a code the panel words (libs/domain/src/model/field-errors.ts). */
  fieldErrors?: FieldError[];
  requestId: string;
}

/**
 * The one place errors become HTTP answers, in the body of API.md. Domain errors carry their
 * code; database constraint violations become 409/422 naming the constraint; anything else is a
 * 500 whose details go to the log only.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(ErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<{ id?: string | number }>();
    const response = http.getResponse<Response>();
    const requestId = String(request.id ?? '');
    const [status, body] = this.describe(exception);
    if (status >= 500) this.logger.error({ err: loggable(exception), requestId }, 'Unhandled error');
    if (status === 429 && exception instanceof ThrottlerException) response.setHeader('Retry-After', '60');
    response.status(status).json({ ...body, requestId } satisfies ErrorBody);
  }

  private describe(exception: unknown): [number, Omit<ErrorBody, 'requestId'>] {
    if (exception instanceof DomainError) {
      const fieldErrors = fieldErrorsFor(exception);
      const body = {
        code: exception.code,
        message: exception.message,
        ...(exception.errors ? { errors: exception.errors } : {}),
        ...(fieldErrors ? { fieldErrors } : {}),
      };
      return [STATUS[exception.kind], body];
    }
    if (exception instanceof QueryFailedError) {
      const mapped = constraintError(exception);
      if (mapped) return this.describe(mapped);
    }
    const parserAnswer = bodyParserAnswer(exception);
    if (parserAnswer) return parserAnswer;
    if (exception instanceof HttpException) {
      const status: HttpStatus = exception.getStatus();
      const raw = exception.getResponse();
      const given = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
      const message = typeof given.message === 'string' ? given.message : exception.message;
      const code = typeof given.code === 'string' ? given.code : (HTTP_CODES[status] ?? 'ERROR');
      const errors = given.errors as Record<string, string[]> | undefined;
      if (status < HttpStatus.INTERNAL_SERVER_ERROR) {
        const fieldErrors = errors
          ? Object.entries(errors).flatMap(([field, messages]) =>
              messages.map((m) => ({ field, code: 'INVALID' as const, message: m })),
            )
          : undefined;
        return [status, { code, message, ...(errors ? { errors, fieldErrors } : {}) }];
      }
      if (status === HttpStatus.SERVICE_UNAVAILABLE)
        return [status, { code: 'SERVICE_UNAVAILABLE', message: 'A service the API needs is not answering' }];
    }
    return [
      HttpStatus.INTERNAL_SERVER_ERROR,
      { code: 'INTERNAL_ERROR', message: 'Something went wrong on our side; staff can trace it with the request id.' },
    ];
  }
}

/**
 * The client errors of Express and its body parser (http-errors objects with a 4xx `status`,
 * `expose` set and a `type` such as `entity.too.large`): the answer names the limit or the media
 * type refused. Errors of the parser that are the server's fault (no `expose`) stay 500.
 */
function bodyParserAnswer(exception: unknown): [number, Omit<ErrorBody, 'requestId'>] | null {
  if (typeof exception !== 'object' || exception === null) return null;
  const e = exception as {
    status?: unknown;
    expose?: unknown;
    type?: unknown;
    message?: unknown;
    limit?: unknown;
    charset?: unknown;
    encoding?: unknown;
  };
  if (e.expose !== true || typeof e.status !== 'number' || e.status < 400 || e.status >= 500) return null;
  const status = e.status;
  const code = HTTP_CODES[status] ?? 'BAD_REQUEST';
  switch (e.type) {
    case 'entity.too.large':
      return [
        status,
        { code, message: `The body is larger than the limit of ${Math.floor(Number(e.limit) / 1024)} kB` },
      ];
    case 'parameters.too.many':
      return [status, { code, message: `The form has more fields than the limit of ${FORM_FIELD_LIMIT}` }];
    case 'charset.unsupported':
      return [status, { code, message: `The charset ${String(e.charset).slice(0, 40)} is not supported; send UTF-8` }];
    case 'encoding.unsupported':
      return [
        status,
        {
          code,
          message: `The content encoding ${String(e.encoding).slice(0, 40)} is not supported; send gzip, deflate, br or none`,
        },
      ];
    default:
      return [status, { code, message: typeof e.message === 'string' ? e.message : 'The request could not be read' }];
  }
}

/** What of an error may be logged: never the SQL parameters (they can hold personal data). */
function loggable(exception: unknown): unknown {
  if (exception instanceof QueryFailedError) {
    const driverError = (exception as QueryFailedError & { driverError?: { code?: string; constraint?: string } })
      .driverError;
    return {
      type: 'QueryFailedError',
      message: exception.message,
      code: driverError?.code,
      constraint: driverError?.constraint,
      stack: exception.stack,
    };
  }
  return exception;
}
