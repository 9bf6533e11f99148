import polyglotI18nProvider from 'ra-i18n-polyglot';
import { enMessages } from './en';
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

/** Japanese by default, English selectable; react-admin remembers the choice in the browser. */
export function createI18nProvider() {
  return polyglotI18nProvider((locale) => (locale === 'en' ? enMessages : jaMessages), 'ja', LOCALES, { onMissingKey });
}
