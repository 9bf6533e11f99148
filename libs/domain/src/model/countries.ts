import type { Locale } from './roles';

/**
 * Country names for ISO 3166-1 alpha-2 codes (a patient's nationality, `VN`), in the programme's
 * languages. The names come from the runtime's CLDR data (Intl.DisplayNames, in Node and every
 * browser), so no table is kept here to go stale; a value that is not a known code is shown as given.
 */
export function countryName(code: string | null | undefined, locale: Locale): string {
  if (!code) return '';
  const upper = code.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(upper)) return code;
  try {
    return new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' }).of(upper) ?? code;
  } catch {
    return code;
  }
}
