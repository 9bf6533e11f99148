import { ApiProperty, ApiPropertyOptional, OmitType, PartialType, PickType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsISO31661Alpha2,
  IsISO6391,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { REFERENCE_PATTERN } from '@app/domain/model';
import { AGE_BANDS, AgeBand, PATIENT_GENDERS, PatientGender, REQUEST_STATUSES, RequestStatus } from '@app/domain';
import {
  Department,
  DEPARTMENTS,
  INTERPRETER_GENDERS,
  InterpreterGender,
  Mode,
  MODES,
  REQUEST_ROLES,
  RequestRole,
  VISIT_TYPES,
  VisitType,
} from '@app/matching';
import { ListQueryDto } from '../../common/pagination.dto';

/** An instant with its offset: `2026-12-24T10:00:00` alone would be read as UTC, not Tokyo time. */
const WITH_OFFSET = /T[\d:.,]+(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;
import { OptionalNotNull } from '../../common/validation.pipe';

/** Free text as typed, without the spaces and blank lines around it (a blank answer is no answer). */
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Longest `notesForInterpreter` and `remoteDetails`: a few lines, not a file. */
export const NOTES_FOR_INTERPRETER_MAX = 1000;
export const REMOTE_DETAILS_MAX = 500;

/** The minimum a volunteer needs to find and greet the patient: special-care data, kept minimal. */
export class PatientDto {
  @ApiProperty({ example: 'グエン・ティ・ラン' })
  @IsString()
  @Length(1, 120)
  displayName: string;

  @ApiProperty({ enum: PATIENT_GENDERS })
  @IsIn(PATIENT_GENDERS)
  gender: PatientGender;

  @ApiProperty({ enum: AGE_BANDS })
  @IsIn(AGE_BANDS)
  ageBand: AgeBand;

  @ApiPropertyOptional({ example: 'VN', description: 'ISO 3166-1 alpha-2' })
  @IsOptional()
  @IsISO31661Alpha2()
  nationality?: string;
}

export class CreateRequestDto {
  @ApiPropertyOptional({ description: 'Staff give it; a coordinator files for their own hospital' })
  @IsOptional()
  @IsUUID()
  hospitalId?: string;

  @ApiPropertyOptional({
    default: false,
    description: 'File it held back: nobody is asked or mailed until `POST /api/requests/:id/release`',
  })
  @IsOptional()
  @IsBoolean()
  onHold?: boolean;

  @ApiPropertyOptional({
    default: false,
    description:
      'The hospital (and the patient) agree that a trainee may shadow the interpreter (研修生の同席可). Withdrawing it (also after confirmation) cancels a shadow dispatch.',
  })
  @OptionalNotNull()
  @IsBoolean()
  traineeWelcome?: boolean;

  @ApiProperty({ example: 'vi', description: 'ISO 639-1' })
  @IsISO6391({ message: 'language must be an ISO 639-1 code such as "vi"' })
  language: string;

  @ApiProperty({ example: '2026-12-08T10:00:00+09:00' })
  @IsISO8601({ strict: true }, { message: 'startsAt must be an ISO 8601 time with offset' })
  @Matches(WITH_OFFSET, { message: 'startsAt must give its offset (Z or +09:00): a time without one is ambiguous' })
  startsAt: string;

  @ApiProperty({ example: '2026-12-08T12:00:00+09:00' })
  @IsISO8601({ strict: true }, { message: 'endsAt must be an ISO 8601 time with offset' })
  @Matches(WITH_OFFSET, { message: 'endsAt must give its offset (Z or +09:00): a time without one is ambiguous' })
  endsAt: string;

  @ApiProperty({ enum: DEPARTMENTS })
  @IsIn(DEPARTMENTS)
  department: Department;

  @ApiProperty({ enum: VISIT_TYPES })
  @IsIn(VISIT_TYPES)
  visitType: VisitType;

  @ApiPropertyOptional({ enum: MODES, default: 'onsite' })
  @OptionalNotNull()
  @IsIn(MODES)
  mode?: Mode;

  @ApiPropertyOptional({ enum: INTERPRETER_GENDERS, default: 'any' })
  @OptionalNotNull()
  @IsIn(INTERPRETER_GENDERS)
  interpreterGender?: InterpreterGender;

  @ApiProperty({ type: PatientDto })
  @IsObject()
  @ValidateNested()
  @Type(() => PatientDto)
  patient: PatientDto;

  @ApiPropertyOptional({
    description:
      "The hospital's own patient reference; stored only as a keyed hash, to offer the same interpreter again",
  })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  patientRef?: string;

  @ApiPropertyOptional({ description: 'Practical notes for staff (no diagnosis)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;

  @ApiPropertyOptional({
    description:
      'For the confirmed interpreter: meeting point, floor, what to bring. Never patient details or diagnoses.',
    maxLength: NOTES_FOR_INTERPRETER_MAX,
    example: '1階総合受付で待ち合わせ',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(NOTES_FOR_INTERPRETER_MAX)
  notesForInterpreter?: string | null;

  @ApiPropertyOptional({
    description: 'Phone and video visits (required for them): the number to call or the video link',
    maxLength: REMOTE_DETAILS_MAX,
    example: '096-000-0000（内線 123）',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(REMOTE_DETAILS_MAX)
  remoteDetails?: string | null;
}

/**
 * Every field may be left out; a null is validated like any value, so refused where the request
 * needs one (a null `notes` or `patientRef` is still skipped: optional in CreateRequestDto).
 */
export class UpdateRequestDto extends PartialType(OmitType(CreateRequestDto, ['hospitalId', 'onHold'] as const), {
  skipNullProperties: false,
}) {}

/** Moving a confirmed visit: the new times; the interpreter is asked whether they can still come. */
export class RescheduleDto extends PickType(CreateRequestDto, ['startsAt', 'endsAt'] as const) {
  @ApiPropertyOptional({
    example: '主治医の都合により',
    maxLength: 500,
    description: "Why the visit moved: kept in the request's history, never mailed",
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class CancelDto {
  @ApiProperty({ example: '患者さんの都合により' })
  @Transform(trim)
  @IsString()
  @Length(1, 500)
  reason: string;
}

export class RequestListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: REQUEST_STATUSES })
  @IsOptional()
  @IsIn(REQUEST_STATUSES)
  status?: RequestStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO6391()
  language?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  hospitalId?: string;

  @ApiPropertyOptional({ example: '50F20D10', description: 'The reference quoted in mail (8 characters)' })
  @IsOptional()
  @Matches(REFERENCE_PATTERN, {
    message: 'reference must be the 8 characters quoted in mail (or their start), e.g. 50F20D10',
  })
  reference?: string;

  @ApiPropertyOptional({ description: 'Visits starting on or after (ISO date or time)' })
  @IsOptional()
  @IsISO8601()
  from?: string;

  @ApiPropertyOptional({ description: 'Visits starting before (ISO date or time)' })
  @IsOptional()
  @IsISO8601()
  to?: string;
}

/** POST /api/requests/:id/shadow: this trainee, or (left out) a wave of the best eligible trainees. */
export class ShadowSeatDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The trainee to offer the seat to; left out: a wave' })
  @IsOptional()
  @IsUUID('all', { message: 'volunteerId must be a volunteer id (UUID)' })
  volunteerId?: string;
}

/** GET /api/requests/:id/candidates?role=shadow: who could shadow (trainees), with the reasons. */
export class CandidatesQueryDto {
  @ApiPropertyOptional({ enum: REQUEST_ROLES, default: 'primary' })
  @IsOptional()
  @IsIn(REQUEST_ROLES)
  role?: RequestRole;
}
