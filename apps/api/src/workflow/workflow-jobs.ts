/** The durable timers of the dispatch workflow (handled in workflow-timers). */
export const OFFER_JOBS = {
  /** A filed request's first wave: run right after the filing commits (or by the ticker, if that process died). */
  firstWave: 'request.first-wave',
  nextWave: 'request.next-wave',
  expire: 'offer.expire',
  escalate: 'request.escalate',
} as const;

export const DISPATCH_JOBS = {
  reminder: 'dispatch.reminder',
  reconfirm: 'dispatch.reconfirm',
  reconfirmDeadline: 'dispatch.reconfirm-deadline',
  /** Re-offer a request whose dispatch fell through. */
  reoffer: 'request.reoffer',
} as const;
