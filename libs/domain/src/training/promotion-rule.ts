/**
 * The rule that makes a trainee ready to interpret on their own (trainee → standard), as
 * configuration and a pure function: the initial course (養成講座) attended and a number of shadow
 * visits whose practicum record staff have reviewed.
 */
export interface PromotionRuleConfig {
  requireInitialCourse: boolean;
  reviewedShadowVisits: number;
}

export const DEFAULT_PROMOTION_RULE: PromotionRuleConfig = { requireInitialCourse: true, reviewedShadowVisits: 3 };

export interface PromotionEvidence {
  initialCourseAttended: boolean;
  reviewedShadowVisits: number;
}

/** Whether the evidence meets the rule. */
export function promotionRuleMet(rule: PromotionRuleConfig, evidence: PromotionEvidence): boolean {
  return (
    (!rule.requireInitialCourse || evidence.initialCourseAttended) &&
    evidence.reviewedShadowVisits >= rule.reviewedShadowVisits
  );
}
