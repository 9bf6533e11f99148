import type { DisplayLocale } from '@app/domain/model';

/** 0.75 → 75%, 0.6667 → 66.7%; no rate (nothing filled or unfilled yet) → —. */
export function formatPercent(rate: number | null): string {
  if (rate === null) return '—';
  return `${Math.round(rate * 1000) / 10}%`;
}

/** Minutes as a person reads them: 45分, 3時間20分, 2日4時間 (45 min, 3 h 20 min, 2 d 4 h). */
export function formatDuration(minutes: number | null, locale: DisplayLocale = 'ja'): string {
  if (minutes === null) return '—';
  const total = Math.round(minutes);
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const mins = total % 60;
  const ja = locale === 'ja';
  if (days > 0) return ja ? `${days}日${hours ? `${hours}時間` : ''}` : `${days} d${hours ? ` ${hours} h` : ''}`;
  if (hours > 0) return ja ? `${hours}時間${mins ? `${mins}分` : ''}` : `${hours} h${mins ? ` ${mins} min` : ''}`;
  return ja ? `${mins}分` : `${mins} min`;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** '2026-04' → 4月 (Apr). */
export function monthLabel(month: string, locale: DisplayLocale = 'ja'): string {
  const m = Number(month.slice(5, 7));
  return locale === 'en' ? MONTHS_EN[m - 1] : `${m}月`;
}

/** 12,345円 (¥12,345). */
export function formatYen(amount: number, locale: DisplayLocale = 'ja'): string {
  const digits = amount.toLocaleString('en-US');
  return locale === 'en' ? `¥${digits}` : `${digits}円`;
}
