/**
 * The API's enumerations (libs/matching, libs/domain) as react-admin choices whose names are
 * i18n keys under `app.enums.<group>.<value>`.
 */
import { COMMON_LANGUAGES, OTHER_LANGUAGES } from '../../../../libs/domain/src/languages';

export { COMMON_LANGUAGES, OTHER_LANGUAGES };
export const DEPARTMENTS = ['internal_medicine', 'surgery', 'orthopedics', 'obstetrics_gynecology', 'pediatrics', 'psychiatry', 'oncology', 'ophthalmology', 'otolaryngology', 'dermatology', 'dentistry', 'emergency', 'other'] as const;
export const VISIT_TYPES = ['outpatient', 'examination', 'test_results', 'admission', 'discharge', 'informed_consent', 'psychiatric_care', 'end_of_life', 'safeguarding', 'other'] as const;
export const MODES = ['onsite', 'phone', 'video'] as const;
export const INTERPRETER_GENDERS = ['any', 'female', 'male'] as const;
export const PATIENT_GENDERS = ['female', 'male', 'other'] as const;
export const AGE_BANDS = ['infant', 'child', 'adult', 'senior'] as const;
export const REQUEST_STATUSES = ['open', 'offered', 'confirmed', 'completed', 'escalated', 'cancelled'] as const;
export const SCORE_PARTS = ['continuityPatient', 'continuityHospital', 'fairness', 'department', 'travel', 'response'] as const;

export interface Choice {
  id: string;
  name: string;
}

export const choices = (group: string, values: readonly string[]): Choice[] => values.map((id) => ({ id, name: `app.enums.${group}.${id}` }));

/** Common languages first, then the rest; a separator is not a choice, so order alone tells. */
export const languageChoices = choices('language', [...COMMON_LANGUAGES, ...OTHER_LANGUAGES]);

export const enumKey = (group: string, value: string | null | undefined) => `app.enums.${group}.${value ?? ''}`;

/** MUI chip colours per request status. */
export const REQUEST_STATUS_COLOR: Record<string, 'default' | 'info' | 'success' | 'warning' | 'error' | 'primary'> = {
  open: 'info',
  offered: 'primary',
  confirmed: 'success',
  completed: 'default',
  escalated: 'error',
  cancelled: 'default',
};

/** The activity report's scenes and review states (libs/domain activity-report.entity). */
export const REPORT_SCENES = ['reception', 'consultation', 'examination', 'test_results', 'pharmacy', 'payment', 'admission', 'discharge', 'phone_call', 'other'] as const;
export const REVIEW_STATUSES = ['pending', 'reviewed', 'follow_up'] as const;
/** Volunteer levels and statuses (libs/matching matching-config). */
export const LEVELS = ['trainee', 'standard', 'advanced'] as const;
export const VOLUNTEER_STATUSES = ['active', 'suspended', 'retired'] as const;
