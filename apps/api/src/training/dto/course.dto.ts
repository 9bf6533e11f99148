import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateBy,
} from 'class-validator';
import { ATTENDANCE_STATUSES, AttendanceStatus, COURSE_KINDS, CourseKind } from '@app/domain';
import { ListQueryDto } from '../../common/pagination.dto';
import { OptionalNotNull } from '../../common/validation.pipe';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/**
 * At most two decimal places (hours in hundredths). Not class-validator's `maxDecimalPlaces`: it
 * reads the number's text and throws on one written with an exponent (1e-7), a 500.
 */
const AtMostTwoDecimals = () =>
  ValidateBy({
    name: 'atMostTwoDecimals',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'number' && Number.isFinite(value) && Math.abs(value * 100 - Math.round(value * 100)) < 1e-6,
      defaultMessage: () => 'hours must have at most two decimal places',
    },
  });

export class CreateCourseDto {
  @ApiProperty({ example: '医療通訳ボランティア養成講座 2026' })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  title: string;

  @ApiProperty({ enum: COURSE_KINDS, description: 'initial: 養成講座; skill_up: スキルアップ研修' })
  @IsIn(COURSE_KINDS, { message: `kind must be one of: ${COURSE_KINDS.join(', ')}` })
  kind: CourseKind;

  @ApiProperty({ example: '2026-06-06T10:00:00+09:00' })
  @IsISO8601({ strict: true }, { message: 'startsAt must be an ISO 8601 date-time' })
  startsAt: string;

  @ApiProperty({ example: '2026-06-06T16:00:00+09:00' })
  @IsISO8601({ strict: true }, { message: 'endsAt must be an ISO 8601 date-time' })
  endsAt: string;

  @ApiPropertyOptional({ example: '熊本市国際交流会館' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(200)
  venue?: string;

  @ApiProperty({ minimum: 1, maximum: 1000 })
  @IsInt()
  @Min(1)
  @Max(1000)
  capacity: number;

  @ApiProperty({ example: 6, description: 'Training hours credited' })
  @IsNumber()
  @AtMostTwoDecimals()
  @Min(0.25)
  @Max(999)
  hours: number;
}

/** Every field may be left out; none may be null. */
export class UpdateCourseDto extends PartialType(CreateCourseDto, { skipNullProperties: false }) {}

export class CourseListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: COURSE_KINDS })
  @IsOptional()
  @IsIn(COURSE_KINDS)
  kind?: CourseKind;

  @ApiPropertyOptional({ example: '2026-04-01', description: 'Starting on or after (ISO date or date-time)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ example: '2027-04-01', description: 'Starting before' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class AttendanceEntryDto {
  @ApiProperty()
  @IsUUID()
  volunteerId: string;

  @ApiProperty({ enum: ATTENDANCE_STATUSES })
  @IsIn(ATTENDANCE_STATUSES, { message: `status must be one of: ${ATTENDANCE_STATUSES.join(', ')}` })
  status: AttendanceStatus;
}

export class CourseView {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: COURSE_KINDS }) kind: CourseKind;
  @ApiProperty() startsAt: Date;
  @ApiProperty() endsAt: Date;
  @ApiProperty() venue: string;
  @ApiProperty() capacity: number;
  @ApiProperty() hours: number;
  @ApiProperty({ description: 'Registered plus attended' }) taken: number;
}

export class AttendanceView {
  @ApiProperty() volunteerId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ATTENDANCE_STATUSES }) status: AttendanceStatus;
  @ApiProperty() updatedAt: Date;
}

export class CourseDetailView extends CourseView {
  @ApiProperty({ type: [AttendanceView] }) attendance: AttendanceView[];
}

export class TrainingHistoryEntry {
  @ApiProperty() courseId: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: COURSE_KINDS }) kind: CourseKind;
  @ApiProperty() startsAt: Date;
  @ApiProperty() endsAt: Date;
  @ApiProperty() hours: number;
  @ApiProperty({ enum: ATTENDANCE_STATUSES }) status: AttendanceStatus;
}

export class TrainingStandingView {
  @ApiProperty() volunteerId: string;
  @ApiProperty({ type: [TrainingHistoryEntry] }) attendance: TrainingHistoryEntry[];
  @ApiProperty() ruleMet: boolean;
  @ApiPropertyOptional({ nullable: true, description: 'Last Tokyo date the standing holds' }) validUntil: string | null;
  @ApiProperty({ enum: ['initial_course', 'skill_up'], isArray: true }) missing: string[];
  @ApiPropertyOptional({ nullable: true }) initialCompletedOn: string | null;
  @ApiPropertyOptional({ nullable: true }) lastSkillUpOn: string | null;
}
