import {
  COURSE_KIND_NAMES,
  CourseKind,
  fiscalYearMonths,
  formatDate,
  formatMonth,
  languageName,
  reiwaFiscalYearLabel,
  type RequestRole,
} from '@app/domain/model';
import type { Organisation } from '../organisation';
import { heading, letterhead } from './letterhead';
import { Column, PdfWriter } from './pdf-writer';

/** One completed dispatch of the year. */
export interface ActivityVisit {
  /** `YYYY-MM`, Tokyo time. */
  month: string;
  language: string;
  role: RequestRole;
  minutes: number;
}

export interface AttendedCourse {
  startsAt: Date;
  title: string;
  kind: CourseKind;
  hours: number;
}

export interface ActivityReportInput {
  organisation: Organisation;
  volunteer: { id: string; name: string; languages: string[] };
  fiscalYear: number;
  issuedAt: Date;
  visits: ActivityVisit[];
  courses: AttendedCourse[];
}

const MONTH_COLUMNS: Column[] = [
  { header: '月', width: 90 },
  { header: '通訳（件）', width: 70, align: 'right' },
  { header: '見学（件）', width: 70, align: 'right' },
  { header: '活動時間', width: 70, align: 'right' },
  { header: '言語', width: 195 },
];

const LANGUAGE_COLUMNS: Column[] = [
  { header: '言語', width: 160 },
  { header: '件数', width: 80, align: 'right' },
  { header: '活動時間', width: 80, align: 'right' },
];

const COURSE_COLUMNS: Column[] = [
  { header: '日付', width: 110 },
  { header: '研修', width: 215 },
  { header: '区分', width: 100 },
  { header: '時間', width: 70, align: 'right' },
];

/** 12.5時間 */
const hours = (minutes: number) => `${(Math.round(minutes / 6) / 10).toFixed(1)}時間`;

/**
 * A volunteer's activity report of a fiscal year (活動実績報告書): completed visits by month and
 * language with their hours (the billed duration, as the statements count it), and the training
 * attended.
 */
export function renderActivityReport(input: ActivityReportInput): Promise<Buffer> {
  const { organisation, volunteer, fiscalYear, visits } = input;
  const year = reiwaFiscalYearLabel(fiscalYear);
  const w = new PdfWriter({
    title: `医療通訳ボランティア活動実績報告書 ${year} ${volunteer.name}`,
    author: organisation.name,
    createdAt: input.issuedAt,
    footer: `${organisation.name}\u3000${year} 活動実績報告書\u3000${volunteer.name} 様`,
  });
  letterhead(w, organisation, {
    title: '活動実績報告書',
    addressee: {
      name: volunteer.name,
      honorific: '様',
      lines: [year, `登録言語：${volunteer.languages.map((l) => languageName(l, 'ja')).join('、') || '—'}`],
    },
    issuedAt: input.issuedAt,
  });
  const primary = visits.filter((v) => v.role === 'primary');
  const totalMinutes = visits.reduce((sum, v) => sum + v.minutes, 0);
  w.paragraph(
    `${year}の医療通訳ボランティアとしての活動は、通訳 ${primary.length}件、見学 ${visits.length - primary.length}件、` +
      `活動時間 ${hours(totalMinutes)}、研修の受講 ${input.courses.length}回でした。`,
    { gap: 12 },
  );

  heading(w, '月別の活動');
  const monthRows = fiscalYearMonths(fiscalYear).map((month) => {
    const of = visits.filter((v) => v.month === month);
    return [
      formatMonth(month),
      String(of.filter((v) => v.role === 'primary').length),
      String(of.filter((v) => v.role === 'shadow').length),
      hours(of.reduce((sum, v) => sum + v.minutes, 0)),
      byLanguage(of)
        .map((l) => `${languageName(l.language, 'ja')} ${l.count}`)
        .join('、'),
    ];
  });
  const total = ['合計', String(primary.length), String(visits.length - primary.length), hours(totalMinutes), ''];
  w.table(MONTH_COLUMNS, [...monthRows, total], new Set([monthRows.length]));

  heading(w, '言語別の活動');
  const languageRows = byLanguage(visits).map((l) => [
    languageName(l.language, 'ja'),
    `${l.count}件`,
    hours(l.minutes),
  ]);
  if (languageRows.length === 0) languageRows.push(['この年度の活動はありません', '', '']);
  w.table(LANGUAGE_COLUMNS, languageRows);

  heading(w, '研修の受講');
  const courseRows = input.courses.map((c) => [
    formatDate(c.startsAt),
    c.title,
    COURSE_KIND_NAMES[c.kind].ja,
    `${c.hours}時間`,
  ]);
  if (courseRows.length === 0) courseRows.push(['', 'この年度の受講記録はありません', '', '']);
  w.table(COURSE_COLUMNS, courseRows);

  heading(w, '備考');
  for (const note of [
    '完了した派遣を数えています（見学は研修中の同行）。活動時間は医療機関が確認した時間、なければ記録された時間です。',
    '研修は出席が記録されたものです。',
  ])
    w.paragraph(`・${note}`, { size: 9, gap: 2 });
  return w.finish();
}

function byLanguage(visits: ActivityVisit[]): Array<{ language: string; count: number; minutes: number }> {
  const out = new Map<string, { language: string; count: number; minutes: number }>();
  for (const v of visits) {
    const entry = out.get(v.language) ?? { language: v.language, count: 0, minutes: 0 };
    entry.count += 1;
    entry.minutes += v.minutes;
    out.set(v.language, entry);
  }
  return [...out.values()].sort((a, b) => b.count - a.count || a.language.localeCompare(b.language));
}
