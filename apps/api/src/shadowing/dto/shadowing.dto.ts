import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { LEVELS, type Level } from '@app/matching';
import {
  REPORT_STATES,
  REVIEW_STATUSES,
  type PracticumView,
  type ReportState,
  type ReviewStatus,
  type ShadowVisitEntry,
  type TraineeProgressView,
} from '@app/domain';
import { ListQueryDto } from '../../common/pagination.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** POST /api/dispatches/:id/practicum: the trainee's short record after a shadow visit. No patient details. */
export class PracticumDto {
  @ApiProperty({ example: '問診の通訳で、医師の質問を短く区切って訳していた', maxLength: 4000 })
  @Transform(trim)
  @IsString()
  @Length(1, 4000, { message: 'observed must be 1 to 4000 characters' })
  observed: string;

  @ApiProperty({ example: '検査の名称（内視鏡、造影剤）', maxLength: 4000 })
  @Transform(trim)
  @IsString()
  @Length(1, 4000, { message: 'wouldStudy must be 1 to 4000 characters' })
  wouldStudy: string;

  @ApiPropertyOptional({
    minimum: 0,
    default: 0,
    description: 'Paid only when the fee rule says the programme pays it',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100000)
  transportCostYen?: number;
}

/** POST /api/dispatches/:id/practicum/feedback: the interpreter's few lines on the trainee. */
export class PracticumFeedbackDto {
  @ApiProperty({ example: '落ち着いて観察できていました。次は用語集を準備しましょう。', maxLength: 2000 })
  @Transform(trim)
  @IsString()
  @Length(1, 2000, { message: 'feedback must be 1 to 2000 characters' })
  feedback: string;
}

export class PracticumListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: REVIEW_STATUSES })
  @IsOptional()
  @IsIn(REVIEW_STATUSES)
  reviewStatus?: ReviewStatus;
}

/** POST /api/volunteers/:id/level: staff record a level change, with why. */
export class LevelChangeDto {
  @ApiProperty({ enum: LEVELS })
  @IsIn(LEVELS)
  level: Level;

  @ApiProperty({ example: '養成講座修了・同席実習3回（報告確認済み）', maxLength: 500 })
  @Transform(trim)
  @IsString()
  @Length(1, 500, { message: 'reason must be 1 to 500 characters' })
  reason: string;
}

@ApiSchema({ name: 'PracticumView' })
export class PracticumViewSchema implements PracticumView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) dispatchId!: string;
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty({ format: 'uuid' }) volunteerId!: string;
  @ApiProperty() traineeName!: string;
  @ApiProperty({ type: String, nullable: true }) interpreterName!: string | null;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty() observed!: string;
  @ApiProperty() wouldStudy!: string;
  @ApiProperty() transportCostYen!: number;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ type: String, nullable: true }) interpreterFeedback!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) feedbackAt!: string | null;
  @ApiProperty({ enum: REVIEW_STATUSES }) reviewStatus!: ReviewStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reviewedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) reviewComment!: string | null;
}

@ApiSchema({ name: 'ShadowVisitEntry' })
export class ShadowVisitEntrySchema implements ShadowVisitEntry {
  @ApiProperty({ format: 'uuid' }) dispatchId!: string;
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty() status!: ShadowVisitEntry['status'];
  @ApiProperty() hospitalName!: string;
  @ApiProperty({ type: String, nullable: true }) interpreterName!: string | null;
  @ApiProperty({ enum: REPORT_STATES }) practicum!: ReportState;
}

@ApiSchema({ name: 'AttendedCourse' })
class CourseEntrySchema {
  @ApiProperty({ format: 'uuid' }) courseId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['initial', 'skill_up'] }) kind!: 'initial' | 'skill_up';
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
}

@ApiSchema({ name: 'PromotionRuleStanding' })
class PromotionRuleStandingSchema {
  @ApiProperty() requireInitialCourse!: boolean;
  @ApiProperty() initialCourseAttended!: boolean;
  @ApiProperty() reviewedShadowVisitsRequired!: number;
  @ApiProperty() reviewedShadowVisits!: number;
}

@ApiSchema({ name: 'TraineeProgressView' })
export class TraineeProgressViewSchema implements TraineeProgressView {
  @ApiProperty({ format: 'uuid' }) volunteerId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: LEVELS }) level!: Level;
  @ApiProperty({ type: [CourseEntrySchema], description: 'Courses attended' }) courses!: TraineeProgressView['courses'];
  @ApiProperty({ type: [ShadowVisitEntrySchema] }) shadowVisits!: ShadowVisitEntry[];
  @ApiProperty({ type: PromotionRuleStandingSchema }) rule!: TraineeProgressView['rule'];
  @ApiProperty({ description: 'The promotion rule to standard is met' }) promotionRuleMet!: boolean;
}
