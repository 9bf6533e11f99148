import { Workbook, type Worksheet } from 'exceljs';
import { DEPARTMENT_NAMES, languageName, reiwaFiscalYearLabel, type Locale, type Names } from '@app/domain/model';
import { ownValue } from '../common/own-key';
import type { StatsSummary } from '../stats/stats.dto';
import { Cell, Column, ColumnKind, guardFormula, writeHeader, writeRow } from './tabular';

type Text = Names;

const T = {
  title: { ja: '派遣実績報告', en: 'Dispatch figures' },
  summary: { ja: '概要', en: 'Summary' },
  byLanguage: { ja: '言語別', en: 'By language' },
  byHospital: { ja: '医療機関別', en: 'By hospital' },
  byDepartment: { ja: '診療科別', en: 'By department' },
  byMonth: { ja: '月別', en: 'By month' },
  unfilled: { ja: '未充足（言語別）', en: 'Unfilled by language' },
  item: { ja: '項目', en: 'Item' },
  value: { ja: '値', en: 'Value' },
  language: { ja: '言語', en: 'Language' },
  hospital: { ja: '医療機関', en: 'Hospital' },
  department: { ja: '診療科', en: 'Department' },
  month: { ja: '月', en: 'Month' },
  dispatches: { ja: '派遣件数', en: 'Dispatches' },
  unfilledCount: { ja: '未充足件数', en: 'Unfilled requests' },
  total: { ja: '合計', en: 'Total' },
  period: { ja: '期間', en: 'Period' },
  requests: { ja: '依頼件数', en: 'Requests' },
  filled: { ja: '充足', en: 'Filled' },
  unfilledRequests: { ja: '未充足', en: 'Unfilled' },
  pending: { ja: '対応中（受診日前）', en: 'Pending (visit ahead)' },
  withdrawn: { ja: '充足前に取消', en: 'Withdrawn before filled' },
  fillRate: { ja: '充足率', en: 'Fill rate' },
  median: { ja: '確定までの時間（中央値・分）', en: 'Time to confirm, median (min)' },
  activeVolunteers: { ja: '活動した通訳者数', en: 'Active interpreters' },
  shadowVisits: { ja: '研修生の同席実習（件）', en: 'Trainee shadow visits' },
  shadowTrainees: { ja: '同席実習をした研修生（人）', en: 'Trainees who shadowed' },
  traineesPromoted: { ja: '研修生から通訳者へ昇格（人）', en: 'Trainees promoted to interpreter' },
} as const satisfies Record<string, Text>;

/** The sheets' names in the workbook, in order (tests and the README read them). */
export const FIGURES_SHEETS = ['summary', 'byLanguage', 'byHospital', 'byDepartment', 'byMonth', 'unfilled'] as const;

/**
 * The fiscal year's figures as the city's yearly report wants them, from the stats API's summary
 * (the same queries, so the workbook and the screen agree): a summary with the fill rate, then
 * dispatches by language, hospital, department and month, and unfilled requests by language.
 * Each sheet starts with its title (令和8年度（2026年度） 派遣実績報告 言語別), then the frozen
 * header, the rows and a total.
 */
export async function figuresWorkbook(s: StatsSummary, locale: Locale): Promise<Buffer> {
  const t = (text: Text) => text[locale];
  const workbook = new Workbook();
  const title = (sheet: Text) => `${reiwaFiscalYearLabel(s.fiscalYear, locale)} ${t(T.title)} ${t(sheet)}`;

  const summary = addSheet(workbook, t(T.summary), title(T.summary), [
    { header: t(T.item), kind: 'text', width: 34 },
    { header: t(T.value), kind: 'text', width: 26 },
  ]);
  const r = s.requests;
  const lines: [Text, Cell, ColumnKind][] = [
    [T.period, `${s.fiscalYear}-04-01 – ${s.fiscalYear + 1}-03-31`, 'text'],
    [T.dispatches, s.dispatches.total, 'integer'],
    [T.requests, r.total, 'integer'],
    [T.filled, r.filled, 'integer'],
    [T.unfilledRequests, r.unfilled, 'integer'],
    [T.pending, r.pending, 'integer'],
    [T.withdrawn, r.withdrawn, 'integer'],
    [T.fillRate, r.fillRate, 'percent'],
    [T.median, s.timeToConfirmMinutes.median, 'decimal'],
    [T.activeVolunteers, s.activeVolunteers.total, 'integer'],
    [T.shadowVisits, s.shadowing.shadowVisits, 'integer'],
    [T.shadowTrainees, s.shadowing.trainees, 'integer'],
    [T.traineesPromoted, s.shadowing.traineesPromoted, 'integer'],
  ];
  for (const [label, value, kind] of lines)
    writeRow(
      summary,
      [
        { header: '', kind: 'text' },
        { header: '', kind },
      ],
      [t(label), value],
      locale,
    );

  const department = (code: string) => ownValue(DEPARTMENT_NAMES, code)?.[locale] ?? code;
  counts(
    workbook,
    t(T.byLanguage),
    title(T.byLanguage),
    t(T.language),
    t(T.dispatches),
    locale,
    s.dispatches.byLanguage.map((x) => [languageName(x.language, locale), x.count]),
    s.dispatches.total,
  );
  counts(
    workbook,
    t(T.byHospital),
    title(T.byHospital),
    t(T.hospital),
    t(T.dispatches),
    locale,
    s.dispatches.byHospital.map((x) => [x.hospitalName, x.count]),
    s.dispatches.total,
  );
  counts(
    workbook,
    t(T.byDepartment),
    title(T.byDepartment),
    t(T.department),
    t(T.dispatches),
    locale,
    s.dispatches.byDepartment.map((x) => [department(x.department), x.count]),
    s.dispatches.total,
  );
  counts(
    workbook,
    t(T.byMonth),
    title(T.byMonth),
    t(T.month),
    t(T.dispatches),
    locale,
    s.dispatches.byMonth.map((x) => [monthLabel(x.month, locale), x.count]),
    s.dispatches.total,
  );
  counts(
    workbook,
    t(T.unfilled),
    title(T.unfilled),
    t(T.language),
    t(T.unfilledCount),
    locale,
    r.unfilledByLanguage.map((x) => [languageName(x.language, locale), x.count]),
    r.unfilled,
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A sheet: its title on row 1, the header on row 2 (frozen with the title). */
function addSheet(workbook: Workbook, name: string, title: string, columns: Column[]): Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 2 }] });
  const titleRow = sheet.addRow([guardFormula(title)]);
  titleRow.font = { bold: true, size: 13 };
  writeHeader(sheet, columns);
  return sheet;
}

/** A two-column count sheet with a total row (the total of the rows, as the stats API counts them). */
function counts(
  workbook: Workbook,
  name: string,
  title: string,
  keyHeader: string,
  countHeader: string,
  locale: Locale,
  rows: [string, number][],
  total: number,
): void {
  const columns: Column[] = [
    { header: keyHeader, kind: 'text', width: 30 },
    { header: countHeader, kind: 'integer', width: 14 },
  ];
  const sheet = addSheet(workbook, name, title, columns);
  for (const row of rows) writeRow(sheet, columns, row, locale);
  writeRow(sheet, columns, [T.total[locale], total], locale).font = { bold: true };
}

/** 2026年4月 / 2026-04. */
function monthLabel(month: string, locale: Locale): string {
  const [y, m] = month.split('-').map(Number);
  return locale === 'ja' ? `${y}年${m}月` : month;
}
