import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProperty, ApiSchema, ApiTags } from '@nestjs/swagger';
import type { PracticumView, TraineeProgressView } from '@app/domain';
import { Actor, CurrentUser } from '../common/decorators/current-user.decorator';
import { Roles } from '../common/decorators/roles.decorator';
import { Page } from '../common/pagination.dto';
import { ApiPageResponse } from '../common/openapi/page';
import { ReviewDto } from '../reports/dto/report.dto';
import {
  LevelChangeDto,
  PracticumDto,
  PracticumFeedbackDto,
  PracticumListQueryDto,
  PracticumViewSchema,
  TraineeProgressViewSchema,
} from './dto/shadowing.dto';
import { PracticumService } from './practicum.service';
import { PromotionCandidate, TraineeProgressService } from './trainee-progress.service';

@ApiSchema({ name: 'PromotionCandidate' })
class PromotionCandidateSchema implements PromotionCandidate {
  @ApiProperty({ format: 'uuid' }) volunteerId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() reviewedShadowVisits!: number;
}

/** The practicum record of a shadow visit, under its dispatch. */
@ApiTags('shadowing')
@ApiBearerAuth()
@Controller('dispatches/:id/practicum')
export class PracticumController {
  constructor(private readonly practicum: PracticumService) {}

  /** The trainee files what they observed and would study, once the visit happened. */
  @Post()
  @ApiCreatedResponse({ type: PracticumViewSchema })
  @Roles('volunteer')
  file(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: PracticumDto,
  ): Promise<PracticumView> {
    return this.practicum.file(actor, id, body);
  }

  @Get()
  @ApiOkResponse({ type: PracticumViewSchema })
  @Roles('staff', 'volunteer')
  get(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<PracticumView> {
    return this.practicum.forDispatch(actor, id);
  }

  /** The interpreter of the visit adds a few lines on the trainee. */
  @Post('feedback')
  @HttpCode(200)
  @ApiOkResponse({ type: PracticumViewSchema })
  @Roles('volunteer')
  feedback(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: PracticumFeedbackDto,
  ): Promise<PracticumView> {
    return this.practicum.feedback(actor, id, body);
  }
}

/** Staff's review queue of practicum records (beside the activity reports' queue). */
@ApiTags('shadowing')
@ApiBearerAuth()
@Controller('practicum-reports')
export class PracticumReviewController {
  constructor(private readonly practicum: PracticumService) {}

  @Get()
  @ApiPageResponse(PracticumViewSchema)
  @Roles('staff')
  list(@Query() query: PracticumListQueryDto): Promise<Page<PracticumView>> {
    return this.practicum.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: PracticumViewSchema })
  @Roles('staff')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<PracticumView> {
    return this.practicum.get(id);
  }

  @Post(':id/review')
  @HttpCode(200)
  @ApiOkResponse({ type: PracticumViewSchema })
  @Roles('staff')
  review(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReviewDto,
  ): Promise<PracticumView> {
    return this.practicum.review(actor, id, body);
  }
}

/** The path from trainee to interpreter. */
@ApiTags('shadowing')
@ApiBearerAuth()
@Controller()
export class TraineeProgressController {
  constructor(private readonly progress: TraineeProgressService) {}

  /** Courses attended, shadowed visits with their practicum records, and whether the promotion rule is met. */
  @Get('volunteers/:id/progress')
  @ApiOkResponse({ type: TraineeProgressViewSchema })
  @Roles('staff', 'volunteer')
  get(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<TraineeProgressView> {
    return this.progress.progress(actor, id);
  }

  /** Staff record a level change (a promotion) with its reason: level history and audit log. */
  @Post('volunteers/:id/level')
  @HttpCode(200)
  @ApiOkResponse({ type: TraineeProgressViewSchema })
  @Roles('staff')
  changeLevel(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: LevelChangeDto,
  ): Promise<TraineeProgressView> {
    return this.progress.changeLevel(actor, id, body.level, body.reason);
  }

  /** Trainees who meet the promotion rule (the staff dashboard). */
  @Get('trainees/ready-for-promotion')
  @ApiOkResponse({ type: [PromotionCandidateSchema] })
  @Roles('staff')
  ready(): Promise<PromotionCandidate[]> {
    return this.progress.readyForPromotion();
  }
}
