import { createI18nProvider } from './i18n-provider';

describe(createI18nProvider.name, () => {
  it('starts in Japanese, with the neutral name before anyone signs in', () => {
    const i18n = createI18nProvider();
    expect(i18n.getLocale()).toBe('ja');
    expect(i18n.translate('app.name')).toBe('医療通訳派遣');
  });

  it('fetches English when it is chosen, then tells the page (for <html lang>)', async () => {
    const used: string[] = [];
    const i18n = createI18nProvider({ onLocaleChange: (locale) => used.push(locale) });
    await i18n.changeLocale('en');
    expect(i18n.getLocale()).toBe('en');
    expect(i18n.translate('app.title.volunteer')).toBe('Medical interpreter volunteers');
    expect(used).toEqual(['en']);
    await i18n.changeLocale('ja');
    expect(i18n.translate('app.title.volunteer')).toBe('医療通訳ボランティア');
    expect(used).toEqual(['en', 'ja']);
  });

  it("gives a volunteer's panel a title of its own, not the office's 管理画面", () => {
    const i18n = createI18nProvider();
    expect(i18n.translate('app.title.volunteer')).not.toContain('管理画面');
    expect(i18n.translate('app.title.staff')).toContain('管理画面');
  });
});
