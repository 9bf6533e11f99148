import {
  DEFAULT_LIFECYCLE,
  DEFAULT_PROMOTION_RULE,
  DEFAULT_TRAINING_RULE,
  LifecycleConfig,
  PromotionRuleConfig,
  TrainingRuleConfig,
} from '@app/domain';

/** Injection token of the programme's training rule and lifecycle settings. */
export const TRAINING_CONFIG = Symbol('TRAINING_CONFIG');

export interface TrainingConfig {
  rule: TrainingRuleConfig;
  lifecycle: LifecycleConfig;
  /** Trainee → standard: the initial course and this many shadow visits with a reviewed practicum record. */
  promotion: PromotionRuleConfig;
}

/** The defaults (override the provider to change them): see DEFAULT_TRAINING_RULE, DEFAULT_LIFECYCLE and DEFAULT_PROMOTION_RULE. */
export const DEFAULT_TRAINING_CONFIG: TrainingConfig = {
  rule: DEFAULT_TRAINING_RULE,
  lifecycle: DEFAULT_LIFECYCLE,
  promotion: DEFAULT_PROMOTION_RULE,
};
