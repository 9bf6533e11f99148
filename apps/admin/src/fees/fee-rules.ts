/** Fee rules as the office reads them: which is in force, which is coming, which months each prices. */
import type { DisplayLocale } from '@app/domain/model';

/** GET /api/fee-rules (FeeTerms of the API). */
export interface FeeRule {
  id: string;
  validFrom: string;
  hospitalBaseYen: number;
  baseMinutes: number;
  hospitalExtraHourYen: number;
  lateCancellationYen: number;
  patientNoShowYen: number;
  volunteerFlatYen: number;
  volunteerTransport: 'included' | 'actual';
  /** The programme pays a shadowing trainee's transport (on the trainee's statement). */
  traineeTransportPaid: boolean;
}

export type RuleState = 'in_force' | 'upcoming' | 'superseded';

/** A rule with its state on `today` (Tokyo date) and the day before the next rule starts. */
export interface RuleRow extends FeeRule {
  state: RuleState;
  /** Last Tokyo date this rule prices (the day before the next rule), null while none follows. */
  until: string | null;
}

/** The day before a YYYY-MM-DD date. */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Rules newest first, each with its state on `today` (YYYY-MM-DD, Tokyo) and its last day. */
export function ruleRows(rules: readonly FeeRule[], today: string): RuleRow[] {
  const sorted = [...rules].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  const inForce = sorted.filter((r) => r.validFrom <= today).at(-1);
  return sorted
    .map((rule, i) => {
      const next = sorted[i + 1];
      const state: RuleState = rule.validFrom > today ? 'upcoming' : rule === inForce ? 'in_force' : 'superseded';
      return { ...rule, state, until: next ? dayBefore(next.validFrom) : null };
    })
    .reverse();
}

/** The first day of the month after `today`'s: the usual date a new rule starts. */
export function firstOfNextMonth(today: string): string {
  const [y, m] = today.split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** The last day a new rule from `validFrom` would price: the day before the next existing rule after it. */
export function untilForNew(rules: readonly FeeRule[], validFrom: string): string | null {
  const later = rules
    .map((r) => r.validFrom)
    .filter((d) => d > validFrom)
    .sort();
  return later.length ? dayBefore(later[0]) : null;
}

const ym = (date: string, locale: DisplayLocale) => {
  const [y, m] = date.split('-').map(Number);
  return locale === 'en'
    ? new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })
    : `${y}年${m}月`;
};

const ymd = (date: string, locale: DisplayLocale) => {
  const [y, m, d] = date.split('-').map(Number);
  return locale === 'en'
    ? new Date(Date.UTC(y, m - 1, d)).toLocaleString('en-GB', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      })
    : `${y}年${m}月${d}日`;
};

/**
 * Which months' statements a rule prices: 「2027年1月分から」, 「2027年1月分〜2027年3月分」, with the
 * exact days when a rule starts or ends inside a month (「2027年1月15日以降の訪問」).
 */
export function appliesTo(validFrom: string, until: string | null, locale: DisplayLocale = 'ja'): string {
  const fromMonth = ym(validFrom, locale);
  const midStart = !validFrom.endsWith('-01');
  const untilMonth = until ? ym(until, locale) : null;
  // A rule ending mid-month: the next one starts on a day other than the 1st.
  const midEnd = until !== null && !nextDay(until).endsWith('-01');
  if (locale === 'en') {
    const months = untilMonth
      ? fromMonth === untilMonth
        ? `the ${fromMonth} statements`
        : `the statements of ${fromMonth} to ${untilMonth}`
      : `the statements from ${fromMonth} on`;
    const days = [
      midStart ? `visits from ${ymd(validFrom, locale)}` : '',
      midEnd && until ? `visits up to ${ymd(until, locale)}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    return `Prices ${months}${days ? ` (${days})` : ''}`;
  }
  const months = untilMonth
    ? fromMonth === untilMonth
      ? `${fromMonth}分`
      : `${fromMonth}分〜${untilMonth}分`
    : `${fromMonth}分から`;
  const days = [
    midStart ? `${ymd(validFrom, locale)}以降の訪問` : '',
    midEnd && until ? `${ymd(until, locale)}までの訪問` : '',
  ]
    .filter(Boolean)
    .join('、');
  return `${months}の明細・請求書に適用${days ? `（${days}）` : ''}`;
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
