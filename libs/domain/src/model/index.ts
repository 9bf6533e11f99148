/**
 * The domain model without persistence: enumerations, the workflow's states, transition table and
 * named state sets, reasons, the programme's ja/en names, and the API's response shapes. No
 * TypeORM (or any other runtime dependency) here: the admin panel imports it through the
 * `@app/domain/model` alias, and `@app/domain` re-exports it for the API.
 */
export * from './roles';
export * from './languages';
export * from './workflow';
export * from './reasons';
export * from './vocabulary';
export * from './labels';
export * from './roster-columns';
export * from './views';
export * from './reference';
