import { useLocaleState } from 'react-admin';
import type { DisplayLocale } from '@app/domain/model';

/** The UI language as the date helpers take it. */
export function useDisplayLocale(): DisplayLocale {
  const [locale] = useLocaleState();
  return locale === 'en' ? 'en' : 'ja';
}
