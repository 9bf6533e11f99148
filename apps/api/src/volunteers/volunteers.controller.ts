import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { ApiPageResponse } from '../common/openapi/page';
import type { Availability } from '@app/matching';
import { Actor, CurrentUser } from '../common/decorators/current-user.decorator';
import { Roles } from '../common/decorators/roles.decorator';
import { Page } from '../common/pagination.dto';
import { UserView } from '../auth/dto/auth.dto';
import { TrainingStandingView } from '../training/dto/course.dto';
import { AvailabilityDto } from './dto/availability.dto';
import {
  CreateBanDto,
  CreateVolunteerAccountDto,
  CreateVolunteerDto,
  LapsingQueryDto,
  RosterImportQueryDto,
  UpdateOwnVolunteerDto,
  UpdateVolunteerDto,
  VolunteerListQueryDto,
} from './dto/volunteer.dto';
import {
  BanView,
  CalendarFeedView,
  OwnVolunteerView,
  VolunteerDetailView,
  VolunteerView,
} from './dto/volunteer-view.dto';
import { FileTooLargeInterceptor } from './file-too-large.interceptor';
import { ContinuationListView, LapsingListView, LifecycleService } from './lifecycle.service';
import { ImportResult, MAX_IMPORT_BYTES, VolunteerImportService } from './volunteer-import.service';
import { VolunteersService } from './volunteers.service';

/** Fixed paths (me, lapsing, export.csv, …) come before `:id` so they are never read as an id. */
@ApiTags('volunteers')
@ApiBearerAuth()
@Roles('staff')
@Controller('volunteers')
export class VolunteersController {
  constructor(
    private readonly volunteers: VolunteersService,
    private readonly roster: VolunteerImportService,
    private readonly lifecycle: LifecycleService,
  ) {}

  @Get()
  @ApiPageResponse(VolunteerView)
  list(@Query() query: VolunteerListQueryDto): Promise<Page<VolunteerView>> {
    return this.volunteers.list(query);
  }

  @Post()
  @ApiCreatedResponse({ type: VolunteerDetailView })
  create(@Body() body: CreateVolunteerDto): Promise<VolunteerDetailView> {
    return this.volunteers.create(body);
  }

  /** The roster as CSV (UTF-8 with BOM); columns documented in roster-csv.ts. */
  @Get('export.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The roster as CSV (UTF-8)', content: { 'text/csv': { schema: { type: 'string' } } } })
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="volunteers.csv"')
  export(): Promise<string> {
    return this.roster.export();
  }

  @Post('import')
  @HttpCode(200)
  @ApiOkResponse({ type: ImportResult })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(
    FileTooLargeInterceptor,
    FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } }),
  )
  import(
    @CurrentUser() actor: Actor,
    @UploadedFile() file: { buffer: Buffer } | undefined,
    @Query() query: RosterImportQueryDto,
  ): Promise<ImportResult> {
    return this.roster.import(actor, file, { dryRun: query.dryRun, locale: query.lang });
  }

  @Get('lapsing')
  @ApiOkResponse({ type: LapsingListView })
  lapsing(@Query() query: LapsingQueryDto): Promise<LapsingListView> {
    return this.lifecycle.lapsing(query.withinDays);
  }

  @Get('continuation-check')
  @ApiOkResponse({ type: ContinuationListView })
  continuationCheck(): Promise<ContinuationListView> {
    return this.lifecycle.continuationCheck();
  }

  @Roles('volunteer')
  @Get('me')
  @ApiOkResponse({ type: OwnVolunteerView })
  me(@CurrentUser() actor: Actor): Promise<OwnVolunteerView> {
    return this.volunteers.me(actor);
  }

  @Roles('volunteer')
  @Patch('me')
  @ApiOkResponse({ type: OwnVolunteerView })
  updateMe(@CurrentUser() actor: Actor, @Body() body: UpdateOwnVolunteerDto): Promise<OwnVolunteerView> {
    return this.volunteers.updateMe(actor, body);
  }

  /** A new calendar subscription address for the signed-in volunteer; the old one stops working. */
  @Roles('volunteer')
  @Post('me/calendar-feed')
  @ApiCreatedResponse({ type: CalendarFeedView })
  renewCalendarFeed(@CurrentUser() actor: Actor): Promise<CalendarFeedView> {
    return this.volunteers.renewCalendarFeed(actor);
  }

  @Roles('volunteer')
  @Get('me/availability')
  @ApiOkResponse({ type: AvailabilityDto })
  myAvailability(@CurrentUser() actor: Actor): Promise<Availability> {
    return this.volunteers.getAvailability(actor, actor.volunteerId ?? '');
  }

  @Roles('volunteer')
  @Put('me/availability')
  @ApiOkResponse({ type: AvailabilityDto })
  putMyAvailability(@CurrentUser() actor: Actor, @Body() body: AvailabilityDto): Promise<Availability> {
    return this.volunteers.putAvailability(actor, actor.volunteerId ?? '', body);
  }

  @Roles('volunteer')
  @Get('me/training')
  @ApiOkResponse({ type: TrainingStandingView })
  myTraining(@CurrentUser() actor: Actor): Promise<TrainingStandingView> {
    return this.volunteers.training(actor, actor.volunteerId ?? '');
  }

  @Roles('staff', 'volunteer')
  @Get(':id')
  @ApiExtraModels(VolunteerView, VolunteerDetailView)
  @ApiOkResponse({
    description: 'The detail for staff, the own record for a volunteer',
    schema: { oneOf: [{ $ref: getSchemaPath(VolunteerDetailView) }, { $ref: getSchemaPath(VolunteerView) }] },
  })
  get(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<VolunteerView | VolunteerDetailView> {
    return this.volunteers.get(actor, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: VolunteerDetailView })
  update(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateVolunteerDto,
  ): Promise<VolunteerDetailView> {
    return this.volunteers.update(actor, id, body);
  }

  @Roles('staff', 'volunteer')
  @Get(':id/availability')
  @ApiOkResponse({ type: AvailabilityDto })
  availability(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<Availability> {
    return this.volunteers.getAvailability(actor, id);
  }

  @Roles('staff', 'volunteer')
  @Put(':id/availability')
  @ApiOkResponse({ type: AvailabilityDto })
  putAvailability(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AvailabilityDto,
  ): Promise<Availability> {
    return this.volunteers.putAvailability(actor, id, body);
  }

  @Roles('staff', 'volunteer')
  @Get(':id/training')
  @ApiOkResponse({ type: TrainingStandingView })
  training(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<TrainingStandingView> {
    return this.volunteers.training(actor, id);
  }

  @Post(':id/bans')
  @ApiCreatedResponse({ type: BanView })
  addBan(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CreateBanDto,
  ): Promise<BanView> {
    return this.volunteers.addBan(actor, id, body);
  }

  @Delete(':id/bans/:banId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The ban is lifted' })
  async removeBan(@Param('id', ParseUUIDPipe) id: string, @Param('banId', ParseUUIDPipe) banId: string): Promise<void> {
    await this.volunteers.removeBan(id, banId);
  }

  /** A sign-in account (role volunteer) for the volunteer. */
  @Post(':id/account')
  @ApiCreatedResponse({ type: UserView })
  createAccount(@Param('id', ParseUUIDPipe) id: string, @Body() body: CreateVolunteerAccountDto): Promise<UserView> {
    return this.volunteers.createAccount(id, body);
  }
}
