import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { enGB, ja } from 'date-fns/locale';
import type { Locale, Names } from '@app/domain/model';
import { ownValue } from '../../common/own-key';

/** The programme works in Japan time, whatever the server's zone. */
export const PROGRAMME_TIME_ZONE = 'Asia/Tokyo';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

function tokyo(iso: string): TZDate {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) throw new Error(`Not an ISO date-time: ${iso}`);
  return new TZDate(instant, PROGRAMME_TIME_ZONE);
}

function day(date: TZDate, locale: Locale): string {
  return locale === 'ja'
    ? format(date, 'yyyy年M月d日(EEE)', { locale: ja })
    : format(date, 'EEE d MMM yyyy', { locale: enGB });
}

const time = (date: TZDate) => format(date, 'HH:mm');

/** `2026年12月3日(木) 10:00` / `Thu 3 Dec 2026, 10:00 (JST)`. */
export function formatInstant(iso: string, locale: Locale): string {
  const at = tokyo(iso);
  return locale === 'ja' ? `${day(at, locale)} ${time(at)}` : `${day(at, locale)}, ${time(at)} (JST)`;
}

/** `2026年12月3日(木) 10:00–12:00` / `Thu 3 Dec 2026, 10:00–12:00 (JST)`; the end's date is shown when it differs. */
export function formatRange(startIso: string, endIso: string, locale: Locale): string {
  const start = tokyo(startIso);
  const end = tokyo(endIso);
  const sameDay = format(start, 'yyyy-MM-dd') === format(end, 'yyyy-MM-dd');
  const endText = sameDay ? time(end) : `${day(end, locale)}${locale === 'ja' ? ' ' : ', '}${time(end)}`;
  return locale === 'ja'
    ? `${day(start, locale)} ${time(start)}–${endText}`
    : `${day(start, locale)}, ${time(start)}–${endText} (JST)`;
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
