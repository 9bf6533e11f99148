/**
 * The domain model without persistence: enumerations, the workflow's states, transition table and
 * named state sets, reasons, the programme's ja/en names, and the API's response shapes. No
 * TypeORM here (the only packages are the lead-time rule's calendar and holidays): the admin panel imports it through the
 * `@app/domain/model` alias, and `@app/domain` re-exports it for the API.
 */
export * from './roles';
export * from './languages';
export * from './countries';
export * from './workflow';
export * from './reasons';
export * from './vocabulary';
export * from './labels';
export * from './roster-columns';
export * from './views';
export * from './reference';
export * from './lead-time';
export * from './tokyo-calendar';
export * from './record-labels';
export * from './field-errors';
