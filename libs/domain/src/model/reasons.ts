/** Why a request needs staff (`requests.escalation_reason`). */
export const ESCALATION_REASONS = [
  'no_eligible',
  'no_answer',
  'all_declined',
  'reconfirmation_missed',
  'dispatch_cancelled',
] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];

/** Why pending offers were withdrawn (the status log's reason and the volunteer's mail). */
export const WITHDRAW_REASONS = ['filled', 'cancelled', 'changed'] as const;
export type WithdrawReason = (typeof WITHDRAW_REASONS)[number];

/** Why a volunteer can no longer accept an offer: withdrawn, or its time to answer passed. */
export type OfferClosedReason = WithdrawReason | 'expired';

/** Who gave a dispatch up. */
export const CANCELLING_PARTIES = ['hospital', 'interpreter'] as const;
export type CancellingParty = (typeof CANCELLING_PARTIES)[number];

/** Who did not come to a visit. */
export const NO_SHOW_PARTIES = ['patient', 'interpreter'] as const;
export type NoShowParty = (typeof NO_SHOW_PARTIES)[number];
