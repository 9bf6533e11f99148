/**
 * The API's enumerations (the model, libs/domain/src/model) as react-admin choices whose names are
 * i18n keys under `app.enums.<group>.<value>`.
 */
import type { RequestStatus } from '@app/domain/model';
import type { ScoreParts } from '@app/matching/rank';

export {
  AGE_BANDS,
  COMMON_LANGUAGES,
  DEPARTMENTS,
  INTERPRETER_GENDERS,
  LEVELS,
  MODES,
  OTHER_LANGUAGES,
  PATIENT_GENDERS,
  REPORT_SCENES,
  REQUEST_STATUSES,
  REVIEW_STATUSES,
  VISIT_TYPES,
  VOLUNTEER_STATUSES,
} from '@app/domain/model';
import { COMMON_LANGUAGES, OTHER_LANGUAGES } from '@app/domain/model';

/** The parts of a candidate's score (libs/matching rank's ScoreParts), as the candidates panel lists them. */
export const SCORE_PARTS = [
  'continuityPatient',
  'continuityHospital',
  'fairness',
  'department',
  'travel',
  'response',
] as const satisfies readonly (keyof ScoreParts)[];

export interface Choice {
  id: string;
  name: string;
}

export const choices = (group: string, values: readonly string[]): Choice[] =>
  values.map((id) => ({ id, name: `app.enums.${group}.${id}` }));

/** Common languages first, then the rest; a separator is not a choice, so order alone tells. */
export const languageChoices = choices('language', [...COMMON_LANGUAGES, ...OTHER_LANGUAGES]);

export const enumKey = (group: string, value: string | null | undefined) => `app.enums.${group}.${value ?? ''}`;

/** MUI chip colours per request status. */
export const REQUEST_STATUS_COLOR: Record<
  RequestStatus,
  'default' | 'info' | 'success' | 'warning' | 'error' | 'primary'
> = {
  open: 'info',
  offered: 'primary',
  confirmed: 'success',
  completed: 'default',
  escalated: 'error',
  cancelled: 'default',
};
