export * from './roles';
export * from './errors/domain-error';
export * from './entities';
export * from './workflow/workflow.machine';
