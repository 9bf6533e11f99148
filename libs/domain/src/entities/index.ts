import { ActivityReport } from './activity-report.entity';
import { AuditEntry } from './audit-entry.entity';
import { CourseAttendance } from './course-attendance.entity';
import { FeeRule } from './fee-rule.entity';
import { HospitalConfirmation } from './hospital-confirmation.entity';
import { Dispatch } from './dispatch.entity';
import { InterpretationRequest } from './interpretation-request.entity';
import { Offer } from './offer.entity';
import { RequestPatient } from './request-patient.entity';
import { StatusTransition } from './status-transition.entity';
import { Hospital } from './hospital.entity';
import { Job } from './job.entity';
import { MailMessage } from './mail-message.entity';
import { PasswordReset } from './password-reset.entity';
import { PracticumReport } from './practicum-report.entity';
import { RefreshToken } from './refresh-token.entity';
import { TrainingCourse } from './training-course.entity';
import { User } from './user.entity';
import { UserInvitation } from './user-invitation.entity';
import { UserRecoveryCode, UserTwoFactor } from './user-two-factor.entity';
import { VolunteerBan } from './volunteer-ban.entity';
import { VolunteerLevelChange } from './volunteer-level-change.entity';
import { Volunteer } from './volunteer.entity';

/** Every entity the data source knows; new entities are added here. */
export const ENTITIES = [
  User,
  RefreshToken,
  Hospital,
  Volunteer,
  VolunteerBan,
  VolunteerLevelChange,
  TrainingCourse,
  CourseAttendance,
  InterpretationRequest,
  RequestPatient,
  Offer,
  Dispatch,
  StatusTransition,
  Job,
  MailMessage,
  UserInvitation,
  ActivityReport,
  HospitalConfirmation,
  FeeRule,
  AuditEntry,
  UserTwoFactor,
  UserRecoveryCode,
  PasswordReset,
  PracticumReport,
];

export * from './base.entity';
export * from './user.entity';
export * from './refresh-token.entity';
export * from './hospital.entity';
export * from './volunteer.entity';
export * from './volunteer-ban.entity';
export * from './volunteer-level-change.entity';
export * from './training-course.entity';
export * from './course-attendance.entity';
export * from './interpretation-request.entity';
export * from './request-patient.entity';
export * from './offer.entity';
export * from './dispatch.entity';
export * from './status-transition.entity';
export * from './job.entity';
export * from './mail-message.entity';
export * from './user-invitation.entity';
export * from './activity-report.entity';
export * from './hospital-confirmation.entity';
export * from './fee-rule.entity';
export * from './audit-entry.entity';
export * from './user-two-factor.entity';
export * from './password-reset.entity';
export * from './practicum-report.entity';
