import { DEFAULT_PROMOTION_RULE, promotionRuleMet } from './promotion-rule';

describe(promotionRuleMet.name, () => {
  it('needs the initial course and three reviewed shadow visits by default', () => {
    expect(promotionRuleMet(DEFAULT_PROMOTION_RULE, { initialCourseAttended: true, reviewedShadowVisits: 3 })).toBe(
      true,
    );
    expect(promotionRuleMet(DEFAULT_PROMOTION_RULE, { initialCourseAttended: true, reviewedShadowVisits: 2 })).toBe(
      false,
    );
    expect(promotionRuleMet(DEFAULT_PROMOTION_RULE, { initialCourseAttended: false, reviewedShadowVisits: 9 })).toBe(
      false,
    );
  });

  it('follows the configuration', () => {
    const rule = { requireInitialCourse: false, reviewedShadowVisits: 1 };
    expect(promotionRuleMet(rule, { initialCourseAttended: false, reviewedShadowVisits: 1 })).toBe(true);
  });
});
