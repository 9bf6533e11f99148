import type { Department, Mode, VisitType } from '@app/matching/matching-config';
import type { Locale } from './roles';

/** A name in each of the programme's languages. */
export type Names = Readonly<Record<Locale, string>>;

/**
 * The programme's names for departments, visit types and modes, in Japanese and English: one
 * table for the mail and the panel, so a volunteer reads the same words in both.
 */
export const DEPARTMENT_NAMES: Readonly<Record<Department, Names>> = {
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

export const VISIT_TYPE_NAMES: Readonly<Record<VisitType, Names>> = {
  outpatient: { ja: '外来受診', en: 'Outpatient visit' },
  examination: { ja: '検査', en: 'Examination' },
  test_results: { ja: '検査結果の説明', en: 'Test results' },
  admission: { ja: '入院', en: 'Admission' },
  discharge: { ja: '退院', en: 'Discharge' },
  informed_consent: { ja: 'インフォームド・コンセント', en: 'Informed consent' },
  psychiatric_care: { ja: '精神科診療', en: 'Psychiatric care' },
  end_of_life: { ja: '終末期の説明', en: 'End-of-life talk' },
  safeguarding: { ja: '保護・支援の相談', en: 'Safeguarding' },
  other: { ja: 'その他', en: 'Other' },
};

export const MODE_NAMES: Readonly<Record<Mode, Names>> = {
  onsite: { ja: '来院（対面）', en: 'On site' },
  phone: { ja: '電話', en: 'Phone' },
  video: { ja: 'ビデオ通話', en: 'Video call' },
};

/** `{code: name}` in one language: what the panel's i18n messages hold under `app.enums.<group>`. */
export function namesIn<K extends string>(table: Readonly<Record<K, Names>>, locale: Locale): Record<K, string> {
  return Object.fromEntries(Object.entries<Names>(table).map(([code, names]) => [code, names[locale]])) as Record<
    K,
    string
  >;
}
