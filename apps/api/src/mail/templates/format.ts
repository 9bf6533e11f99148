import { formatDate, formatTime, tokyoDate, type Locale, type Names } from '@app/domain/model';
import { ownValue } from '../../common/own-key';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** The instant of an ISO date-time; the dates and times are written by the model's one Tokyo calendar. */
function instant(iso: string): Date {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) throw new Error(`Not an ISO date-time: ${iso}`);
  return at;
}

/** `2026年12月3日(木) 10:00` / `Thu 3 Dec 2026, 10:00 (JST)`. */
export function formatInstant(iso: string, locale: Locale): string {
  const at = instant(iso);
  return locale === 'ja'
    ? `${formatDate(at, locale)} ${formatTime(at)}`
    : `${formatDate(at, locale)}, ${formatTime(at)} (JST)`;
}

/** `2026年12月3日(木) 10:00–12:00` / `Thu 3 Dec 2026, 10:00–12:00 (JST)`; the end's date is shown when it differs. */
export function formatRange(startIso: string, endIso: string, locale: Locale): string {
  const start = instant(startIso);
  const end = instant(endIso);
  const sameDay = tokyoDate(start) === tokyoDate(end);
  const endText = sameDay
    ? formatTime(end)
    : `${formatDate(end, locale)}${locale === 'ja' ? ' ' : ', '}${formatTime(end)}`;
  return locale === 'ja'
    ? `${formatDate(start, locale)} ${formatTime(start)}–${endText}`
    : `${formatDate(start, locale)}, ${formatTime(start)}–${endText} (JST)`;
}

/** The programme's names (libs/domain/src/model: languages and labels, shared with the panel). */
export { languageName } from '@app/domain/model';
export {
  DEPARTMENT_NAMES as DEPARTMENTS,
  MODE_NAMES as MODES,
  VISIT_TYPE_NAMES as VISIT_TYPES,
} from '@app/domain/model';

type Labels = Readonly<Record<string, Names>>;

/** The label of a code in the recipient's language; an unknown code is shown as it is. */
export function label(labels: Labels, code: string, locale: Locale): string {
  return ownValue(labels, code)?.[locale] ?? code;
}
