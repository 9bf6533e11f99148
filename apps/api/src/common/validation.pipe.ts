import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ValidateIf } from 'class-validator';
import { BadRequestError, DomainError, fieldErrorCode, InvalidError, type FieldError } from '@app/domain';

/** Constraints whose failure means the body is malformed (400), not merely invalid (422). */
const MALFORMED = new Set([
  'whitelistValidation',
  'isString',
  'isNumber',
  'isInt',
  'isBoolean',
  'isArray',
  'isObject',
  'nestedValidation',
  'isDefined',
]);

/**
 * A field that may be left out but not sent as null: its column is NOT NULL. `@IsOptional()`
 * lets a null through to the database (a 500); this validates a null like any other value, and
 * the pipe refuses it with 422 `<field> must not be null`. Fields that may be cleared keep
 * `@IsOptional()`.
 */
export function OptionalNotNull(): PropertyDecorator {
  return ValidateIf((_object: unknown, value: unknown) => value !== undefined);
}

/** A null where the field needs a value: well-formed JSON, so invalid (422), not malformed. */
function refusedNull(error: ValidationError): boolean {
  return error.value === null && !Object.hasOwn(error.constraints ?? {}, 'whitelistValidation');
}

/** `{ "languages.0.code": ["..."] }` from class-validator's tree. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints)
      out[field] = refusedNull(error) ? [`${error.property} must not be null`] : Object.values(error.constraints);
    if (error.children?.length) Object.assign(out, flattenValidationErrors(error.children, field));
  }
  return out;
}

/** `[{field: "languages.0.code", code: "LANGUAGE_CODE", message}]`: one entry per refusal, with its code. */
export function fieldErrorsOf(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own: FieldError[] = refusedNull(error)
      ? [{ field, code: 'NOT_NULL', message: `${error.property} must not be null` }]
      : Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
          field,
          code: fieldErrorCode(constraint),
          message,
        }));
    return [...own, ...fieldErrorsOf(error.children ?? [], field)];
  });
}

function constraintNames(errors: ValidationError[]): string[] {
  return errors.flatMap((e) => [
    ...(refusedNull(e) ? [] : Object.keys(e.constraints ?? {})),
    ...constraintNames(e.children ?? []),
  ]);
}

/** Global pipe: unknown fields are refused, payloads are turned into DTO instances. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const fields = flattenValidationErrors(errors);
      const names = constraintNames(errors);
      const summary = `Check these fields: ${Object.keys(fields).join(', ')}`;
      const withCodes = (error: DomainError) => Object.assign(error, { fieldErrors: fieldErrorsOf(errors) });
      if (names.includes('whitelistValidation')) {
        return withCodes(new BadRequestError('UNKNOWN_FIELD', `Unknown field(s). ${summary}`, fields));
      }
      if (names.some((n) => MALFORMED.has(n)))
        return withCodes(new BadRequestError('MALFORMED_INPUT', summary, fields));
      return withCodes(new InvalidError(summary, fields));
    },
  });
}
