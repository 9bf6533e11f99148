/** The durable timers of the dispatch workflow (handled in workflow-timers). */
export const OFFER_JOBS = {
  /** A filed request's first wave: run right after the filing commits (or by the ticker, if that process died). */
  firstWave: 'request.first-wave',
  nextWave: 'request.next-wave',
  expire: 'offer.expire',
  escalate: 'request.escalate',
} as const;

/** The key of a request's one first-wave timer (its filing arms it; the filing's caller runs it at once). */
export const firstWaveKey = (requestId: string) => `first-wave:${requestId}`;

export const DISPATCH_JOBS = {
  reminder: 'dispatch.reminder',
  reconfirm: 'dispatch.reconfirm',
  reconfirmDeadline: 'dispatch.reconfirm-deadline',
  /** Re-offer a request whose dispatch fell through. */
  reoffer: 'request.reoffer',
} as const;
