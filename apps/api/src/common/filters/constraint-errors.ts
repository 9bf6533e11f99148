import { QueryFailedError } from 'typeorm';
import { ownValue } from '../own-key';

interface MappedError {
  status: number;
  body: { code: string; message: string; errors?: Record<string, string[]> };
}

/**
 * Constraint names the API explains. A named constraint that is not listed still becomes a 409
 * with its name, so a conflict under concurrency never surfaces as a 500.
 */
const KNOWN: Record<string, { code: string; field?: string; message: string }> = {
  uq_users_email: { code: 'EMAIL_TAKEN', field: 'email', message: 'An account with this e-mail already exists' },
};

export function registerConstraintMessage(name: string, entry: { code: string; field?: string; message: string }): void {
  KNOWN[name] = entry;
}

export function constraintError(error: QueryFailedError): MappedError | null {
  const driverError = (error as QueryFailedError & { driverError?: { code?: string; constraint?: string } }).driverError;
  const sqlState = driverError?.code;
  const constraint = driverError?.constraint;
  // 23505 unique, 23P01 exclusion, 23503 foreign key, 23514 check, 40001 serialization.
  if (sqlState === '40001' || sqlState === '40P01') {
    return { status: 409, body: { code: 'CONCURRENT_UPDATE', message: 'Someone changed this at the same moment; try again' } };
  }
  if (!constraint || !sqlState?.startsWith('23')) return null;
  const known = ownValue(KNOWN, constraint);
  const status = sqlState === '23514' || sqlState === '23503' ? 422 : 409;
  if (known) {
    return { status, body: { code: known.code, message: known.message, ...(known.field ? { errors: { [known.field]: [known.message] } } : {}) } };
  }
  return { status, body: { code: 'CONSTRAINT_VIOLATED', message: `The change breaks the rule ${constraint}` } };
}
