import { tokyoParts } from '@app/domain/model';

const pad = (n: number) => String(n).padStart(2, '0');

/** The Tokyo month of `now`, YYYY-MM. */
export function monthOf(now: Date): string {
  const p = tokyoParts(now);
  return `${p.year}-${pad(p.month)}`;
}

/**
 * The month an invoice or statement is most likely wanted for: the month just ended during the
 * first 10 days of a month (when offices send last month's invoices and volunteers look for last
 * month's honoraria; this month would still be nearly empty), else this month. The invoice picker
 * and the statements page (明細) open on it.
 */
export function invoiceMonthOf(now: Date): string {
  return tokyoParts(now).day <= 10 ? recentMonths(now, 2)[1] : monthOf(now);
}

/** This month and the eleven before it, newest first, as YYYY-MM. */
export function recentMonths(now: Date, count = 12): string[] {
  const p = tokyoParts(now);
  return Array.from({ length: count }, (_, i) => {
    const index = p.year * 12 + p.month - 1 - i;
    return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
  });
}
