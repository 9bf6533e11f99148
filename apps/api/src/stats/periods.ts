/** Periods in Tokyo time live in the model's one calendar module; re-exported for the API's callers. */
export { datePeriod, fiscalYearPeriod, monthPeriod, type Period } from '@app/domain/model';
