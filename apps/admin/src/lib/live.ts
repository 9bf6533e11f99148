/**
 * How often the pages people keep open (request lists and pages, the volunteer's offers, the
 * dashboards) ask the API again, so a status changes on screen without a reload. Only while the
 * tab is visible (react-query's default); forms are never refreshed under the user's hands.
 */
export const LIVE_REFRESH_MS = 30_000;

export const liveQuery = { refetchInterval: LIVE_REFRESH_MS } as const;
