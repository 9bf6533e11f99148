/**
 * Why a field was refused, as a stable code the panel words in the user's language (the API's
 * `message` stays English): every validation answer carries `fieldErrors: [{field, code, message}]`
 * beside `errors`. Dependency-free, shared by the API's validation pipe and the panel's i18n.
 */
export const FIELD_ERROR_CODES = [
  'REQUIRED',
  'NOT_NULL',
  'UNKNOWN_FIELD',
  'WRONG_TYPE',
  'INTEGER',
  'FORMAT',
  'EMAIL',
  'ONE_OF',
  'LENGTH',
  'TOO_LONG',
  'TOO_SMALL',
  'TOO_LARGE',
  'DATE',
  'LANGUAGE_CODE',
  'INVALID',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export interface FieldError {
  field: string;
  code: FieldErrorCode;
  message: string;
}

/** class-validator's constraint names → the code. */
const BY_CONSTRAINT: Readonly<Record<string, FieldErrorCode>> = {
  isDefined: 'REQUIRED',
  isNotEmpty: 'REQUIRED',
  arrayNotEmpty: 'REQUIRED',
  whitelistValidation: 'UNKNOWN_FIELD',
  isString: 'WRONG_TYPE',
  isNumber: 'WRONG_TYPE',
  isBoolean: 'WRONG_TYPE',
  isArray: 'WRONG_TYPE',
  isObject: 'WRONG_TYPE',
  nestedValidation: 'WRONG_TYPE',
  isUuid: 'FORMAT',
  isInt: 'INTEGER',
  matches: 'FORMAT',
  isEmail: 'EMAIL',
  isIn: 'ONE_OF',
  isEnum: 'ONE_OF',
  isLength: 'LENGTH',
  minLength: 'LENGTH',
  arrayMinSize: 'LENGTH',
  maxLength: 'TOO_LONG',
  arrayMaxSize: 'TOO_LONG',
  min: 'TOO_SMALL',
  max: 'TOO_LARGE',
  isIso8601: 'DATE',
  isISO8601: 'DATE',
  isDateString: 'DATE',
  isIso6391: 'LANGUAGE_CODE',
  isISO6391: 'LANGUAGE_CODE',
};

/** The code of a class-validator constraint; INVALID for a rule of the API's own. */
export function fieldErrorCode(constraint: string): FieldErrorCode {
  return Object.hasOwn(BY_CONSTRAINT, constraint) ? BY_CONSTRAINT[constraint] : 'INVALID';
}
