import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { REPORT_SCENES, REVIEW_STATUSES, ReportScene, ReviewStatus } from '@app/domain';
import { ListQueryDto } from '../../common/pagination.dto';
import { OptionalNotNull } from '../../common/validation.pipe';

/** The activity report (活動報告書) a volunteer files after the visit. No patient details. */
export class CreateReportDto {
  @ApiProperty({ example: '2026-12-08T10:05:00+09:00' })
  @IsISO8601({ strict: true })
  actualStart: string;

  @ApiProperty({ example: '2026-12-08T11:50:00+09:00' })
  @IsISO8601({ strict: true })
  actualEnd: string;

  @ApiProperty({ minimum: 0, maximum: 1440 })
  @IsInt()
  @Min(0)
  @Max(1440)
  waitingMinutes: number;

  @ApiProperty({ enum: REPORT_SCENES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(REPORT_SCENES.length)
  @ArrayUnique()
  @IsIn(REPORT_SCENES, { each: true })
  scenes: ReportScene[];

  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  difficulty: number;

  @ApiProperty({ minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(100000)
  transportCostYen: number;

  @ApiPropertyOptional({ description: 'Problems during the visit (no patient names)' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  issues?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  termsToStudy?: string;

  @ApiPropertyOptional({ description: '"I would like to talk to staff"' })
  @OptionalNotNull()
  @IsBoolean()
  wellbeingConcern?: boolean;
}

/** Every field may be left out; a null is refused except for the free texts, which it clears. */
export class UpdateReportDto extends PartialType(CreateReportDto, { skipNullProperties: false }) {}

export class ReportListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: REVIEW_STATUSES })
  @IsOptional()
  @IsIn(REVIEW_STATUSES)
  reviewStatus?: ReviewStatus;
}

export class ReviewDto {
  @ApiProperty({ enum: ['reviewed', 'follow_up'] })
  @IsIn(['reviewed', 'follow_up'])
  status: 'reviewed' | 'follow_up';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class HospitalConfirmationDto {
  @ApiProperty({ example: '2026-12-08T10:00:00+09:00' })
  @IsISO8601({ strict: true })
  actualStart: string;

  @ApiProperty({ example: '2026-12-08T11:45:00+09:00' })
  @IsISO8601({ strict: true })
  actualEnd: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 5 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  rating?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class ReportView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) dispatchId!: string;
  @ApiProperty({ format: 'uuid' }) volunteerId!: string;
  @ApiProperty({ format: 'date-time' }) actualStart!: string;
  @ApiProperty({ format: 'date-time' }) actualEnd!: string;
  @ApiProperty() waitingMinutes!: number;
  @ApiProperty({ enum: REPORT_SCENES, isArray: true }) scenes!: ReportScene[];
  @ApiProperty({ minimum: 1, maximum: 5 }) difficulty!: number;
  @ApiProperty() transportCostYen!: number;
  @ApiProperty({ type: String, nullable: true }) issues!: string | null;
  @ApiProperty({ type: String, nullable: true }) termsToStudy!: string | null;
  @ApiProperty() wellbeingConcern!: boolean;
  @ApiProperty() timeDispute!: boolean;
  /** Wellbeing concern, time dispute or problems reported: first in the review queue. */
  @ApiProperty({ description: 'Wellbeing concern, time dispute or problems reported: first in the review queue' })
  flagged!: boolean;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ enum: REVIEW_STATUSES }) reviewStatus!: ReviewStatus;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) reviewedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reviewedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) reviewComment!: string | null;
}

export class HospitalConfirmationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) dispatchId!: string;
  @ApiProperty({ format: 'date-time' }) actualStart!: string;
  @ApiProperty({ format: 'date-time' }) actualEnd!: string;
  @ApiProperty({ type: Number, nullable: true, minimum: 1, maximum: 5 }) rating!: number | null;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) confirmedBy!: string | null;
  @ApiProperty() timeDispute!: boolean;
}
