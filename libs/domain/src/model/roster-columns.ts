/**
 * The columns of the volunteer roster CSV (export and import), in file order, and those the header
 * must have. Dependency-free: the API's roster code and the admin panel's import dialog read the
 * same list (the panel imports this file directly, not the domain index).
 */
export const ROSTER_COLUMNS = [
  'email',
  'displayName',
  'nameKana',
  'phone',
  'gender',
  'homeArea',
  'languages',
  'level',
  'status',
  'pledgeSignedAt',
  'insuranceValidUntil',
  'maxDispatchesPerMonth',
  'weeklyAvailability',
] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];
export const REQUIRED_ROSTER_COLUMNS: readonly RosterColumn[] = [
  'email',
  'displayName',
  'nameKana',
  'gender',
  'homeArea',
  'languages',
];

/**
 * Each column's name in a Japanese and an English header, and the other names offices' own
 * spreadsheets use for it: the import takes any of them (and the camelCase name above), so a
 * roster kept in Excel with 氏名, フリガナ, メール … imports as it is.
 */
export const ROSTER_COLUMN_NAMES: Readonly<
  Record<RosterColumn, { ja: string; en: string; aliases: readonly string[] }>
> = {
  email: { ja: 'メール', en: 'E-mail', aliases: ['メールアドレス', 'Eメール', 'email address'] },
  displayName: { ja: '氏名', en: 'Name', aliases: ['名前', '氏名（表示名）', '表示名', 'display name'] },
  nameKana: { ja: 'フリガナ', en: 'Name (kana)', aliases: ['ふりがな', 'カナ', 'よみがな', 'kana'] },
  phone: { ja: '電話', en: 'Phone', aliases: ['電話番号', '携帯', '携帯電話', 'tel'] },
  gender: { ja: '性別', en: 'Gender', aliases: [] },
  homeArea: { ja: '地域', en: 'Home area', aliases: ['居住地域', '住まいの地域', '居住地', 'area'] },
  languages: { ja: '言語', en: 'Languages', aliases: ['対応言語', '通訳言語', 'language'] },
  level: { ja: 'レベル', en: 'Level', aliases: ['通訳レベル'] },
  status: { ja: '状態', en: 'Status', aliases: ['ステータス', '活動状況'] },
  pledgeSignedAt: { ja: '誓約書提出日', en: 'Pledge signed', aliases: ['誓約書', '誓約日'] },
  insuranceValidUntil: {
    ja: '保険期限',
    en: 'Insurance valid until',
    aliases: ['保険有効期限', '保険の有効期限', 'ボランティア保険期限'],
  },
  maxDispatchesPerMonth: { ja: '月の上限回数', en: 'Max dispatches per month', aliases: ['月間上限', '月の上限'] },
  weeklyAvailability: {
    ja: '活動できる曜日・時間',
    en: 'Weekly availability',
    aliases: ['活動可能時間', '曜日・時間'],
  },
};

/** A header cell as compared: full-width letters folded (NFKC), spaces and required marks (*, ※) dropped, lower case. */
export function rosterHeaderKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s*※]/g, '')
    .toLowerCase();
}

const ROSTER_HEADER_INDEX: ReadonlyMap<string, RosterColumn> = new Map(
  ROSTER_COLUMNS.flatMap((column) => {
    const names = ROSTER_COLUMN_NAMES[column];
    return [column, names.ja, names.en, ...names.aliases].map((name) => [rosterHeaderKey(name), column] as const);
  }),
);

/** The column a header cell names (氏名, displayName, Name …), or undefined. */
export function rosterColumnOf(header: string): RosterColumn | undefined {
  return ROSTER_HEADER_INDEX.get(rosterHeaderKey(header));
}
