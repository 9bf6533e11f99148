import { DEFAULT_LIFECYCLE, DEFAULT_TRAINING_RULE, LifecycleConfig, TrainingRuleConfig } from '@app/domain';

/** Injection token of the programme's training rule and lifecycle settings. */
export const TRAINING_CONFIG = Symbol('TRAINING_CONFIG');

export interface TrainingConfig {
  rule: TrainingRuleConfig;
  lifecycle: LifecycleConfig;
}

/** The defaults (override the provider to change them): see DEFAULT_TRAINING_RULE and DEFAULT_LIFECYCLE. */
export const DEFAULT_TRAINING_CONFIG: TrainingConfig = { rule: DEFAULT_TRAINING_RULE, lifecycle: DEFAULT_LIFECYCLE };
