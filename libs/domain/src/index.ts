export * from './roles';
export * from './errors/domain-error';
export * from './entities';
