import { tokyoParts } from '@app/domain/model';

const pad = (n: number) => String(n).padStart(2, '0');

/** The Tokyo month of `now`, YYYY-MM. */
export function monthOf(now: Date): string {
  const p = tokyoParts(now);
  return `${p.year}-${pad(p.month)}`;
}

/** This month and the eleven before it, newest first, as YYYY-MM. */
export function recentMonths(now: Date, count = 12): string[] {
  const p = tokyoParts(now);
  return Array.from({ length: count }, (_, i) => {
    const index = p.year * 12 + p.month - 1 - i;
    return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
  });
}
