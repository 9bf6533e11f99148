import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { enGB, ja } from 'date-fns/locale';
import { Locale } from '@app/domain';
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
  return locale === 'ja' ? format(date, 'yyyy年M月d日(EEE)', { locale: ja }) : format(date, 'EEE d MMM yyyy', { locale: enGB });
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
  return locale === 'ja' ? `${day(start, locale)} ${time(start)}–${endText}` : `${day(start, locale)}, ${time(start)}–${endText} (JST)`;
}

/** The programme's names (`libs/domain/src/languages.ts`, shared with the panel). */
export { languageName } from '@app/domain/languages';

type Labels = Record<string, { ja: string; en: string }>;

export const DEPARTMENTS: Labels = {
  internal_medicine: { ja: '内科', en: 'Internal medicine' },
  surgery: { ja: '外科', en: 'Surgery' },
  orthopedics: { ja: '整形外科', en: 'Orthopaedics' },
  obstetrics_gynecology: { ja: '産婦人科', en: 'Obstetrics and gynaecology' },
  pediatrics: { ja: '小児科', en: 'Paediatrics' },
  psychiatry: { ja: '精神科', en: 'Psychiatry' },
  oncology: { ja: '腫瘍内科', en: 'Oncology' },
  ophthalmology: { ja: '眼科', en: 'Ophthalmology' },
  otolaryngology: { ja: '耳鼻咽喉科', en: 'Otolaryngology (ENT)' },
  dermatology: { ja: '皮膚科', en: 'Dermatology' },
  dentistry: { ja: '歯科', en: 'Dentistry' },
  emergency: { ja: '救急', en: 'Emergency' },
  other: { ja: 'その他', en: 'Other' },
};

export const VISIT_TYPES: Labels = {
  outpatient: { ja: '外来受診', en: 'Outpatient visit' },
  examination: { ja: '検査', en: 'Examination' },
  test_results: { ja: '検査結果の説明', en: 'Test results' },
  admission: { ja: '入院', en: 'Admission' },
  discharge: { ja: '退院', en: 'Discharge' },
  informed_consent: { ja: 'インフォームド・コンセント', en: 'Informed consent' },
  psychiatric_care: { ja: '精神科診療', en: 'Psychiatric care' },
  end_of_life: { ja: '終末期医療', en: 'End-of-life care' },
  safeguarding: { ja: '児童保護', en: 'Safeguarding' },
  other: { ja: 'その他', en: 'Other' },
};

export const MODES: Labels = {
  onsite: { ja: '来院（対面）', en: 'On site' },
  phone: { ja: '電話', en: 'Phone' },
  video: { ja: 'ビデオ通話', en: 'Video call' },
};

/** The label of a code in the recipient's language; an unknown code is shown as it is. */
export function label(labels: Labels, code: string, locale: Locale): string {
  return ownValue(labels, code)?.[locale] ?? code;
}
