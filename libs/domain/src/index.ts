export * from './model';
export * from './errors/domain-error';
export * from './entities';
export * from './workflow/workflow.machine';
export * from './training/training-rule';
export * from './workflow/dispatch-config';
export * from './workflow/lead-time';
export * from './workflow/offer-policy';
