import { COMMON_LANGUAGES, LANGUAGE_NAMES, languageName, OTHER_LANGUAGES } from './languages';

describe(languageName.name, () => {
  it("uses the programme's own names, the same the panel shows", () => {
    expect(languageName('tl', 'ja')).toBe('タガログ語');
    expect(languageName('tl', 'en')).toBe('Tagalog');
    expect(languageName('my', 'ja')).toBe('ミャンマー語');
    expect(languageName('vi', 'en')).toBe('Vietnamese');
  });

  it('names any other ISO 639-1 code through Intl, and shows a code it cannot name as it is', () => {
    expect(languageName('sw', 'en')).toBe('Swahili');
    expect(languageName('sw', 'ja')).toBe('スワヒリ語');
    expect(languageName('not a code', 'ja')).toBe('not a code');
  });

  it('lists every named language once, common ones first', () => {
    expect([...COMMON_LANGUAGES, ...OTHER_LANGUAGES].sort()).toEqual(Object.keys(LANGUAGE_NAMES).sort());
  });
});
