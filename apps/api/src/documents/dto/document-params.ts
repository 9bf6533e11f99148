import { BadRequestError } from '@app/domain';
import { MONTH_PATTERN } from '../../fees/dto/fees.dto';

/** The OpenAPI description of the documents' path and query parameters. */
export const MONTH_PARAM = {
  name: 'month',
  description: 'The Tokyo calendar month, YYYY-MM (the address ends in .pdf: /2026-12.pdf)',
  example: '2026-12',
  type: String,
};
export const FISCAL_YEAR_QUERY = {
  name: 'fiscalYear',
  description: 'The year the fiscal year (April–March, Asia/Tokyo) starts in',
  example: 2026,
  type: Number,
  required: true,
};

/** `month` as YYYY-MM, or 400 naming the field. */
export function requireMonth(month: string): string {
  if (!MONTH_PATTERN.test(month)) throw BadRequestError.malformed('month', 'month must be YYYY-MM (e.g. 2026-12)');
  return month;
}

/** `fiscalYear` as a year from 2000 to 2100, or 400 naming the field. */
export function requireFiscalYear(value: string | undefined): number {
  const year = Number(value);
  if (!value || !/^\d{4}$/.test(value) || year < 2000 || year > 2100)
    throw BadRequestError.malformed('fiscalYear', 'fiscalYear must be a year from 2000 to 2100 (e.g. 2026)');
  return year;
}
