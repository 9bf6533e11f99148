import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider } from 'ra-core';
import { jaMessages } from './ja';

export const LOCALES = [
  { locale: 'ja', name: '日本語' },
  { locale: 'en', name: 'English' },
];

/** A message key, as opposed to a sentence react-admin passes through translate (an API error). */
const looksLikeKey = (text: string) => /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)+$/.test(text);

/**
 * Unknown keys are logged (a missing translation is a bug); already-worded messages, such as the
 * API's errors with their request id, pass through as they are.
 */
export function onMissingKey(key: string): string {
  if (looksLikeKey(key)) console.warn(`Missing translation for key: "${key}"`);
  return key;
}

/** Japanese comes with the first load; English is fetched when someone chooses it. */
const messagesFor = (locale: string) => (locale === 'en' ? import('./en').then((m) => m.enMessages) : jaMessages);

export interface I18nOptions {
  /** Called once a language is in use (after its messages arrived), e.g. to set `<html lang>`. */
  onLocaleChange?: (locale: string) => void;
}

/**
 * Japanese by default, English selectable; react-admin remembers the choice in the browser and,
 * on the next visit, switches to it through changeLocale, as the language menus do.
 */
export function createI18nProvider({ onLocaleChange }: I18nOptions = {}): I18nProvider {
  const polyglot = polyglotI18nProvider(messagesFor, 'ja', LOCALES, { onMissingKey });
  return {
    ...polyglot,
    async changeLocale(locale, options) {
      await polyglot.changeLocale(locale, options);
      onLocaleChange?.(locale);
    },
  };
}
