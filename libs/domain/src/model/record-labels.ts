import type { Gender, Level, Proficiency, RequestRole, VolunteerStatus } from '@app/matching/matching-config';
import type { Names } from './labels';
import type { CancellingParty, NoShowParty } from './reasons';
import type { AttendanceStatus, CourseKind, ReviewStatus } from './vocabulary';
import type { DispatchStatus } from './workflow';

/**
 * The names of the records' states and kinds in Japanese and English, as the panel shows them and
 * the office documents (exports, yearly report) write them: one table each, beside labels.ts.
 */
export const DISPATCH_STATUS_NAMES: Readonly<Record<DispatchStatus, Names>> = {
  confirmed: { ja: '確定', en: 'Confirmed' },
  completed: { ja: '完了', en: 'Completed' },
  cancelled: { ja: '取消', en: 'Cancelled' },
  no_show: { ja: '不在', en: 'No-show' },
};

export const REQUEST_ROLE_NAMES: Readonly<Record<RequestRole, Names>> = {
  primary: { ja: '通訳', en: 'Interpreter' },
  shadow: { ja: '同行研修', en: 'Shadowing' },
};

export const CANCELLING_PARTY_NAMES: Readonly<Record<CancellingParty, Names>> = {
  hospital: { ja: '医療機関', en: 'Hospital' },
  interpreter: { ja: '通訳者', en: 'Interpreter' },
};

export const NO_SHOW_PARTY_NAMES: Readonly<Record<NoShowParty, Names>> = {
  patient: { ja: '患者', en: 'Patient' },
  interpreter: { ja: '通訳者', en: 'Interpreter' },
};

export const REVIEW_STATUS_NAMES: Readonly<Record<ReviewStatus, Names>> = {
  pending: { ja: '確認待ち', en: 'Waiting for review' },
  reviewed: { ja: '確認済み', en: 'Reviewed' },
  follow_up: { ja: 'フォロー中', en: 'Follow-up' },
};

export const COURSE_KIND_NAMES: Readonly<Record<CourseKind, Names>> = {
  initial: { ja: '養成講座', en: 'Initial course' },
  skill_up: { ja: 'スキルアップ研修', en: 'Skill-up training' },
};

export const ATTENDANCE_STATUS_NAMES: Readonly<Record<AttendanceStatus, Names>> = {
  registered: { ja: '申込み', en: 'Registered' },
  attended: { ja: '出席', en: 'Attended' },
  absent: { ja: '欠席', en: 'Absent' },
};

export const LEVEL_NAMES: Readonly<Record<Level, Names>> = {
  trainee: { ja: '研修中', en: 'Trainee' },
  standard: { ja: '標準', en: 'Standard' },
  advanced: { ja: '上級', en: 'Advanced' },
};

export const VOLUNTEER_STATUS_NAMES: Readonly<Record<VolunteerStatus, Names>> = {
  active: { ja: '活動中', en: 'Active' },
  suspended: { ja: '休止中', en: 'Suspended' },
  retired: { ja: '退任', en: 'Retired' },
};

export const PROFICIENCY_NAMES: Readonly<Record<Proficiency, Names>> = {
  business: { ja: 'ビジネス', en: 'Business' },
  fluent: { ja: '流暢', en: 'Fluent' },
  native: { ja: 'ネイティブ', en: 'Native' },
};

export const GENDER_NAMES: Readonly<Record<Gender, Names>> = {
  female: { ja: '女性', en: 'Female' },
  male: { ja: '男性', en: 'Male' },
  other: { ja: 'その他', en: 'Other' },
};

/** The lines of a month's statement: a visit, a late cancellation, a patient's no-show. */
export const FEE_LINE_KINDS = ['visit', 'late_cancellation', 'patient_no_show'] as const;
export type FeeLineKind = (typeof FEE_LINE_KINDS)[number];
export const FEE_LINE_KIND_NAMES: Readonly<Record<FeeLineKind, Names>> = {
  visit: { ja: '通訳', en: 'Interpreting' },
  late_cancellation: { ja: '直前のキャンセル', en: 'Late cancellation' },
  patient_no_show: { ja: '患者さん来院せず', en: 'Patient did not come' },
};

/** はい/いいえ — a yes-or-no cell as a clerk reads it. */
export const YES_NO: Readonly<Record<'yes' | 'no', Names>> = {
  yes: { ja: 'はい', en: 'Yes' },
  no: { ja: 'いいえ', en: 'No' },
};
