import type { OpenAPIObject } from '@nestjs/swagger';
import { ApiExtension } from '@nestjs/swagger';

/** The OpenAPI extension marking a `@Public()` route (no bearer token needed). */
export const PUBLIC_EXTENSION = 'x-public';
export const markPublic = () => ApiExtension(PUBLIC_EXTENSION, true);

const ERROR_SCHEMA = 'ErrorBody';
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

const DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed input: unreadable body, hostile characters, a wrong type (code MALFORMED_INPUT, BAD_REQUEST, …)',
  401: 'No valid bearer token (UNAUTHORIZED)',
  403: 'The role or object scope does not allow this (FORBIDDEN)',
  404: "No such object, or one outside the caller's scope (NOT_FOUND)",
  409: 'The state forbids it, or a unique constraint is taken (e.g. REQUEST_ALREADY_FILLED, CONFLICT)',
  422: 'Validation failed; `errors` names each field (VALIDATION_FAILED)',
  429: 'Too many requests; retry after the Retry-After header (TOO_MANY_REQUESTS)',
};

/**
 * Which of the common errors a route can give, read from what the document already says of it:
 * every route can be malformed (400) or throttled (429); a route that is not `@Public()` needs
 * a token and a role (401, 403); one with a path parameter names an object (404); one with
 * parameters or a body is validated (422); one that changes something can meet a state or a
 * unique constraint (409).
 */
function errorsOf(
  method: string,
  operation: { parameters?: { in?: string }[]; requestBody?: unknown; [key: string]: unknown },
): number[] {
  const codes = [400];
  if (operation[PUBLIC_EXTENSION] !== true) codes.push(401, 403);
  const parameters = operation.parameters ?? [];
  if (parameters.some((p) => p.in === 'path')) codes.push(404);
  if (method !== 'get' && method !== 'head') codes.push(409);
  if (parameters.length > 0 || operation.requestBody) codes.push(422);
  codes.push(429);
  return codes;
}

/**
 * Documents the one error body (the filter's `{code, message, errors?, requestId}`, schema
 * `ErrorBody`) as the answer of the common 4xx statuses on every operation, plus the 500 every
 * route may give, and the bearer security on every route that is not public. A response a route
 * already documents itself is kept (its own description), only its schema is set.
 */
export function documentErrors(document: OpenAPIObject): OpenAPIObject {
  const content = { 'application/json': { schema: { $ref: `#/components/schemas/${ERROR_SCHEMA}` } } };
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const own = operation as unknown as Record<string, unknown>;
      if (own[PUBLIC_EXTENSION] !== true && !operation.security) operation.security = [{ bearer: [] }];
      for (const status of [...errorsOf(method, own), 500]) {
        const given = operation.responses[status] as { description?: string } | undefined;
        const description =
          given?.description ||
          (status === 500
            ? 'Something went wrong on our side (INTERNAL_ERROR); quote the requestId'
            : DESCRIPTIONS[status]);
        operation.responses[status] = { ...given, description, content };
      }
    }
  }
  return document;
}
