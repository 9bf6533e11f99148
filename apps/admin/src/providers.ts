/** The one data provider, auth provider and i18n provider of the panel, sharing one API client. */
import { QueryClient } from '@tanstack/react-query';
import { createApiClient } from './api/api-client';
import { createAuthProvider } from './api/auth-provider';
import { createDataProvider } from './api/data-provider';
import { createI18nProvider } from './i18n/i18n-provider';

/** `<html lang>` follows the language in use, so screen readers and the browser read the page in it. */
export const i18nProvider = createI18nProvider({
  onLocaleChange: (locale) => {
    document.documentElement.lang = locale;
  },
});

export const apiClient = createApiClient({
  baseUrl: import.meta.env.VITE_API_URL ?? '/api',
  translate: (key, options) => i18nProvider.translate(key, options),
});

export const authProvider = createAuthProvider(apiClient);
export const dataProvider = createDataProvider(apiClient);

/**
 * A 4xx answer will not change by asking again (react-query's default is three retries with
 * back-off, seconds of spinner before the sign-in page); network errors and 5xx are retried once.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (failures, error) => {
        const status = (error as { status?: number }).status ?? 0;
        return failures < 1 && (status === 0 || status >= 500);
      },
    },
  },
});
