import { ApiProperty, ApiPropertyOptional, OmitType, PartialType, PickType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO6391,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  GENDERS,
  Gender,
  KUMAMOTO_AREAS,
  LEVELS,
  Level,
  PROFICIENCIES,
  Proficiency,
  VOLUNTEER_STATUSES,
  VolunteerStatus,
} from '@app/matching';
import { LOCALES, Locale } from '@app/domain';
import { ListQueryDto } from '../../common/pagination.dto';
import { OptionalNotNull } from '../../common/validation.pipe';
import { AvailabilityDto } from './availability.dto';

const trimLower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export const DEFAULT_MAX_DISPATCHES_PER_MONTH = 4;

export class LanguageSkillDto {
  @ApiProperty({ example: 'vi', description: 'ISO 639-1 code' })
  @Transform(trimLower)
  @IsString()
  @IsISO6391({ message: ({ value }) => `unknown code ${String(value)} (not an ISO 639-1 language code)` })
  code: string;

  @ApiProperty({ enum: PROFICIENCIES })
  @IsIn(PROFICIENCIES, { message: `proficiency must be one of: ${PROFICIENCIES.join(', ')}` })
  proficiency: Proficiency;
}

export class CreateVolunteerDto {
  @ApiProperty({ example: 'グエン・ティ・ラン' })
  @Transform(trim)
  @IsString()
  @Length(1, 120)
  displayName: string;

  @ApiProperty({ example: 'グエン ティ ラン' })
  @Transform(trim)
  @IsString()
  @Length(1, 120)
  nameKana: string;

  @ApiProperty({ example: 'lan@example.jp' })
  @Transform(trimLower)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @ApiPropertyOptional({ example: '090-0000-0000', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string | null;

  @ApiProperty({ enum: GENDERS })
  @IsIn(GENDERS, { message: `gender must be one of: ${GENDERS.join(', ')}` })
  gender: Gender;

  @ApiProperty({ enum: KUMAMOTO_AREAS })
  @IsIn(KUMAMOTO_AREAS, { message: `homeArea must be one of: ${KUMAMOTO_AREAS.join(', ')}` })
  homeArea: string;

  @ApiProperty({ type: [LanguageSkillDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'languages must list at least one language' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => LanguageSkillDto)
  languages: LanguageSkillDto[];

  @ApiPropertyOptional({ enum: LEVELS, default: 'trainee' })
  @OptionalNotNull()
  @IsIn(LEVELS, { message: `level must be one of: ${LEVELS.join(', ')}` })
  level?: Level;

  @ApiPropertyOptional({ enum: VOLUNTEER_STATUSES, default: 'active' })
  @OptionalNotNull()
  @IsIn(VOLUNTEER_STATUSES, { message: `status must be one of: ${VOLUNTEER_STATUSES.join(', ')}` })
  status?: VolunteerStatus;

  @ApiPropertyOptional({
    example: '2026-04-10T10:00:00+09:00',
    nullable: true,
    description: 'When the confidentiality pledge was signed',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'pledgeSignedAt must be an ISO 8601 date-time' })
  pledgeSignedAt?: string | null;

  @ApiPropertyOptional({
    example: '2027-03-31',
    nullable: true,
    description: 'Last day (Tokyo) the volunteer insurance covers',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'insuranceValidUntil must be a date in YYYY-MM-DD format' })
  @IsISO8601({ strict: true }, { message: 'insuranceValidUntil must be a real calendar date' })
  insuranceValidUntil?: string | null;

  @ApiPropertyOptional({ default: DEFAULT_MAX_DISPATCHES_PER_MONTH, minimum: 0, maximum: 62 })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(62)
  maxDispatchesPerMonth?: number;

  @ApiPropertyOptional({ type: AvailabilityDto })
  @OptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => AvailabilityDto)
  availability?: AvailabilityDto;
}

/**
 * Staff change. A change of `level` needs `levelChangeReason`; both are recorded in the level
 * history. A null is refused except where it clears (phone, pledge, insurance).
 */
export class UpdateVolunteerDto extends PartialType(OmitType(CreateVolunteerDto, ['availability'] as const), {
  skipNullProperties: false,
}) {
  @ApiPropertyOptional({ description: 'Required when level changes' })
  @ValidateIf((o: UpdateVolunteerDto) => o.levelChangeReason !== undefined)
  @IsString()
  @Length(1, 500)
  levelChangeReason?: string;
}

/** What a volunteer may change on their own profile; anything else is an unknown field (400). */
export class UpdateOwnVolunteerDto extends PartialType(
  PickType(CreateVolunteerDto, ['displayName', 'nameKana', 'email', 'phone'] as const),
  { skipNullProperties: false },
) {}

export class VolunteerListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ example: 'vi', description: 'Speaks this language (ISO 639-1)' })
  @IsOptional()
  @Transform(trimLower)
  @IsISO6391({ message: 'language must be an ISO 639-1 code' })
  language?: string;

  @ApiPropertyOptional({ enum: LEVELS })
  @IsOptional()
  @IsIn(LEVELS)
  level?: Level;

  @ApiPropertyOptional({ enum: VOLUNTEER_STATUSES })
  @IsOptional()
  @IsIn(VOLUNTEER_STATUSES)
  status?: VolunteerStatus;

  @ApiPropertyOptional({ enum: KUMAMOTO_AREAS })
  @IsOptional()
  @IsIn(KUMAMOTO_AREAS)
  homeArea?: string;

  @ApiPropertyOptional({ description: 'Part of the name, kana or e-mail' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class CreateBanDto {
  @ApiPropertyOptional({ description: 'The hospital that asked not to have the volunteer (or patientKey)' })
  @IsOptional()
  @IsUUID()
  hospitalId?: string;

  @ApiPropertyOptional({ description: 'Pseudonymous key of the patient who asked (or hospitalId)' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  patientKey?: string;

  @ApiPropertyOptional({
    description: "The patient of this request asked (their key is taken from the request's patient reference)",
  })
  @IsOptional()
  @IsUUID()
  requestId?: string;

  @ApiProperty()
  @IsString()
  @Length(1, 500)
  reason: string;
}

/** A sign-in account for the volunteer (role volunteer), with the volunteer's e-mail unless given. */
export class CreateVolunteerAccountDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trimLower)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ minLength: 10 })
  @IsOptional()
  @IsString()
  @Length(10, 200)
  password?: string;

  @ApiPropertyOptional({ enum: LOCALES, default: 'ja' })
  @OptionalNotNull()
  @IsIn(LOCALES)
  locale?: Locale;
}

export class LapsingQueryDto {
  @ApiPropertyOptional({ default: 30, minimum: 0, maximum: 366 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(366)
  withinDays: number = 30;
}

/** POST /volunteers/import's options: a preview that writes nothing, and the language of the problems. */
export class RosterImportQueryDto {
  @ApiPropertyOptional({ description: 'Check the file and answer what it would do, writing nothing', default: false })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'dryRun must be true or false' })
  dryRun?: boolean;

  @ApiPropertyOptional({ enum: LOCALES, default: 'ja', description: 'The language the problems are worded in' })
  @IsOptional()
  @IsIn(LOCALES, { message: 'lang must be ja or en' })
  lang?: Locale;
}
