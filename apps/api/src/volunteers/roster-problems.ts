import type { ValidationError } from 'class-validator';
import { KUMAMOTO_AREAS, ROSTER_COLUMN_NAMES, ROSTER_COLUMNS, type Locale, type RosterColumn } from '@app/domain/model';

/**
 * A problem the roster import found, worded in both languages; the answer carries the one the
 * clerk reads (`lang`). `column` null: the row as a whole.
 */
export interface RosterProblem {
  column: RosterColumn | null;
  en: string;
  ja: string;
}

const problem = (column: RosterColumn | null, en: string, ja: string): RosterProblem => ({ column, en, ja });

const ONE_OF: Partial<Record<RosterColumn | 'proficiency', string>> = {
  gender: '女性・男性・その他（female・male・other）のどれかにしてください',
  level: '研修中・標準・上級（trainee・standard・advanced）のどれかにしてください',
  status: '活動中・休止中・退任（active・suspended・retired）のどれかにしてください',
  homeArea: `熊本の地域名（${KUMAMOTO_AREAS.join('・')}）のどれかにしてください`,
  proficiency: '習熟度はネイティブ・流暢・ビジネス（native・fluent・business）のどれかにしてください',
};

/** The Japanese of a class-validator refusal, by its constraint (the English is the DTO's own message). */
function japaneseOf(column: RosterColumn, field: string, constraint: string, value: unknown): string {
  switch (constraint) {
    case 'isEmail':
      return 'メールアドレスの形式ではありません';
    case 'isIn':
      return ONE_OF[field.endsWith('proficiency') ? 'proficiency' : column] ?? '使える値ではありません';
    case 'isLength':
      return '1〜120文字で書いてください';
    case 'maxLength':
      return '長すぎます';
    case 'isIso6391':
    case 'isISO6391':
      return `言語コード ${String(value)} は使えません（ISO 639-1 の2文字のコードか、ベトナム語などの言語名にしてください）`;
    case 'arrayMinSize':
      return '言語を1つ以上書いてください（例: ベトナム語:ネイティブ、vi:native）';
    case 'arrayMaxSize':
      return '言語が多すぎます（20まで）';
    case 'isIso8601':
    case 'isISO8601':
    case 'matches':
      return column === 'insuranceValidUntil'
        ? '実在する日付を 2027-03-31 の形で書いてください'
        : '日付か日時を 2025-04-10 の形で書いてください';
    case 'isInt':
    case 'min':
    case 'max':
      return '0〜62 の整数にしてください';
    default:
      return '値が必要です';
  }
}

/** class-validator's refusals of a row, one problem per message, the column the first part of the field. */
export function validationProblems(errors: ValidationError[], prefix = ''): RosterProblem[] {
  const out: RosterProblem[] = [];
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const column = field.split('.')[0] as RosterColumn;
    const refusedNull = error.value === null;
    for (const [constraint, message] of Object.entries(error.constraints ?? {}))
      out.push(
        refusedNull
          ? problem(column, `${error.property} must not be null`, '値が必要です')
          : problem(column, message, japaneseOf(column, field, constraint, error.value)),
      );
    if (error.children?.length) out.push(...validationProblems(error.children, field));
  }
  return out;
}

/** An availability problem of one weekly slot (libs/matching's validateAvailability), in both languages. */
export function availabilityProblem(field: string, message: string, slot: string): RosterProblem {
  let ja = '曜日・時間が正しくありません';
  if (field.endsWith('.weekday')) ja = '曜日は 1（月）〜7（日）か 月〜日 で書いてください';
  else if (field.endsWith('.start')) ja = '開始時刻は 00:00〜23:59 で書いてください';
  else if (field.endsWith('.end'))
    ja = /later/.test(message) ? '終了は開始より後にしてください' : '終了時刻は 00:00〜24:00 で書いてください';
  else if (/overlaps/.test(message)) ja = 'ほかの時間帯と重なっています';
  return problem('weeklyAvailability', `"${slot}": ${message}`, `「${slot}」: ${ja}`);
}

export const rosterProblems = {
  fieldCount: (fields: number, header: number) =>
    problem(
      null,
      `has ${fields} fields; the header has ${header}`,
      `項目が ${fields} 個あります（見出しは ${header} 個）`,
    ),
  duplicateEmail: (email: string, row: number) =>
    problem('email', `${email} is also on row ${row}`, `${email} は ${row} 行目にもあります`),
  languageFormat: (part: string) =>
    problem(
      'languages',
      `"${part}" must look like vi:native`,
      `「${part}」は ベトナム語:ネイティブ か vi:native の形で書いてください`,
    ),
  weeklyFormat: (part: string) =>
    problem(
      'weeklyAvailability',
      `"${part}" must look like "1 09:00-12:00" (weekday 1-7, Monday = 1)`,
      `「${part}」は「月 09:00-12:00」か「1 09:00-12:00」の形で書いてください（1 = 月曜）`,
    ),
  hostile: (column: RosterColumn, message: string) =>
    problem(column, message, '使えない文字（NUL 文字や壊れた文字）が含まれています'),
  rejectedOnSave: (message: string) => problem(null, message, `保存できません: ${message}`),
};

/** A column as the clerk reads it: 「言語」(languages). */
export function columnLabel(column: RosterColumn, locale: Locale): string {
  return locale === 'ja' ? `「${ROSTER_COLUMN_NAMES[column].ja}」` : column;
}

/**
 * The problem as the answer's `errors["row N"]` holds it: `languages: …` (the column's code first,
 * so the panel can place it), then in Japanese the row and column in words:
 * `languages: 3行目「言語」: 言語コード xx は使えません…`.
 */
export function wordProblem(p: RosterProblem, row: number, locale: Locale): string {
  if (locale === 'en') return p.column ? `${p.column}: ${p.en}` : p.en;
  const where = `${row}行目${p.column ? columnLabel(p.column, 'ja') : ''}`;
  return p.column ? `${p.column}: ${where}: ${p.ja}` : `${where}: ${p.ja}`;
}

/** The file's own problems (header, encoding, size), in both languages. */
export const fileProblems = {
  unreadableText: {
    en: 'The file is neither UTF-8 nor Shift_JIS text',
    ja: 'ファイルを読めません。UTF-8 か Shift_JIS の CSV、または Excel (.xlsx) で保存してください',
  },
  unreadableCsv: { en: 'The file is not readable CSV', ja: 'CSV として読めません' },
  unreadableXlsx: { en: 'The file is not a readable .xlsx workbook', ja: 'Excel (.xlsx) として読めません' },
  tooManyColumns: (max: number) => ({
    en: `The file has more than ${max} columns: a roster has one column per item of the header`,
    ja: `列が多すぎます（${max} 列まで）。名簿の列だけを残して保存してください`,
  }),
  tooManySheetRows: (max: number) => ({
    en: `The sheet has more than ${max} rows`,
    ja: `シートの行が多すぎます（${max} 行まで）`,
  }),
  xlsxTooLarge: (max: number) => ({
    en: `The workbook unpacks to more than ${Math.round(max / 1024 / 1024)} MB; save only the roster sheet`,
    ja: `Excel ファイルの中身が大きすぎます（展開後 ${Math.round(max / 1024 / 1024)} MB まで）。名簿のシートだけを保存してください`,
  }),
  phonesRestored: (rows: number[]) => ({
    en: `Phone numbers stored as numbers got their leading 0 back (rows ${rows.join(', ')})`,
    ja: `数値として保存された電話番号の先頭の 0 を補いました（${rows.join('、')}行目）`,
  }),
  empty: { en: 'The file is empty: expected a header row', ja: 'ファイルが空です。1行目に見出しが必要です' },
  tooMany: (max: number) => ({ en: `at most ${max} rows per file`, ja: `1つのファイルは ${max} 行までです` }),
  missing: (column: RosterColumn) => ({
    en: `the column ${column} is missing from the header`,
    ja: `見出しに${columnLabel(column, 'ja')}の列がありません`,
  }),
  unknown: (header: string) => ({
    en: `unknown column; expected: ${ROSTER_COLUMNS.join(', ')}`,
    ja: `「${header}」は使える列名ではありません（使える列: ${ROSTER_COLUMNS.map((c) => ROSTER_COLUMN_NAMES[c].ja).join('、')}）`,
  }),
  twice: (column: RosterColumn) => ({
    en: `the column ${column} appears twice`,
    ja: `${columnLabel(column, 'ja')}の列が2つあります`,
  }),
};
