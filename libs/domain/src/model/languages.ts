/**
 * The programme's names for the languages it interprets, in Japanese and English: one table for
 * the panel and the mail, so a volunteer reads the same name in both (タガログ語, not the ICU
 * name フィリピノ語; ミャンマー語, as the city's services call it). Dependency-free: the admin
 * panel imports this file too. Any other ISO 639-1 code is valid; it is named by `Intl`.
 */
export const LANGUAGE_NAMES = {
  vi: { ja: 'ベトナム語', en: 'Vietnamese' },
  zh: { ja: '中国語', en: 'Chinese' },
  en: { ja: '英語', en: 'English' },
  tl: { ja: 'タガログ語', en: 'Tagalog' },
  ne: { ja: 'ネパール語', en: 'Nepali' },
  id: { ja: 'インドネシア語', en: 'Indonesian' },
  ko: { ja: '韓国語', en: 'Korean' },
  pt: { ja: 'ポルトガル語', en: 'Portuguese' },
  es: { ja: 'スペイン語', en: 'Spanish' },
  my: { ja: 'ミャンマー語', en: 'Burmese' },
  th: { ja: 'タイ語', en: 'Thai' },
  km: { ja: 'クメール語', en: 'Khmer' },
  mn: { ja: 'モンゴル語', en: 'Mongolian' },
  si: { ja: 'シンハラ語', en: 'Sinhala' },
  bn: { ja: 'ベンガル語', en: 'Bengali' },
  hi: { ja: 'ヒンディー語', en: 'Hindi' },
  ur: { ja: 'ウルドゥー語', en: 'Urdu' },
  fa: { ja: 'ペルシャ語', en: 'Persian' },
  ar: { ja: 'アラビア語', en: 'Arabic' },
  ru: { ja: 'ロシア語', en: 'Russian' },
  uk: { ja: 'ウクライナ語', en: 'Ukrainian' },
  fr: { ja: 'フランス語', en: 'French' },
  de: { ja: 'ドイツ語', en: 'German' },
  uz: { ja: 'ウズベク語', en: 'Uzbek' },
} as const;

export type ProgrammeLanguage = keyof typeof LANGUAGE_NAMES;

/** Asked for most often in Kumamoto: listed first wherever a language is picked. */
export const COMMON_LANGUAGES = [
  'vi',
  'zh',
  'en',
  'tl',
  'ne',
  'id',
  'ko',
  'pt',
  'es',
  'my',
  'th',
] as const satisfies readonly ProgrammeLanguage[];
export const OTHER_LANGUAGES = [
  'km',
  'mn',
  'si',
  'bn',
  'hi',
  'ur',
  'fa',
  'ar',
  'ru',
  'uk',
  'fr',
  'de',
  'uz',
] as const satisfies readonly ProgrammeLanguage[];

/** The programme's name for a language; another code by `Intl.DisplayNames`, or as it is. */
export function languageName(code: string, locale: 'ja' | 'en'): string {
  const own = (LANGUAGE_NAMES as Record<string, { ja: string; en: string }>)[code];
  if (own) return own[locale];
  try {
    return new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}
