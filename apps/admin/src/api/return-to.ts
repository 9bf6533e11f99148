/**
 * Where to go back to after signing in: the panel page (hash route, with its query) that was
 * opened signed out — an offer, tomorrow's visit, a report form. Kept in this tab's
 * sessionStorage, so it survives the sign-in page and the two-factor step, and read once.
 */
export interface ReturnTo {
  /** Remembers the page being shown now (not the sign-in pages themselves). */
  remember(): void;
  /** The remembered page, forgotten as it is read; `/` (the dashboard) when there is none. */
  take(): string;
}

const KEY = 'dispatch.returnTo';
/** Pages that are part of signing in, or public: going "back" to them makes no sense. */
const NOT_A_DESTINATION = /^\/(login|two-factor|set-password|reset-password|forgot-password)(\/|\?|$)/;

/** The hash route of a location (`#/offers?x=1` → `/offers?x=1`), if it is one of the panel's. */
export function routeOf(hash: string): string | null {
  const route = hash.replace(/^#/, '');
  if (!route.startsWith('/') || route.startsWith('//') || route === '/' || NOT_A_DESTINATION.test(route)) return null;
  return route;
}

export function createReturnTo(
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined,
  currentHash: () => string,
): ReturnTo {
  return {
    remember() {
      const route = routeOf(currentHash());
      if (route) storage?.setItem(KEY, route);
    },
    take() {
      const route = storage?.getItem(KEY) ?? null;
      storage?.removeItem(KEY);
      return (route && routeOf(`#${route}`)) ?? '/';
    },
  };
}

export const returnTo = createReturnTo(typeof sessionStorage === 'undefined' ? undefined : sessionStorage, () =>
  typeof window === 'undefined' ? '' : window.location.hash,
);
