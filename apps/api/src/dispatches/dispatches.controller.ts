import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentUser } from '../common/decorators/current-user.decorator';
import { Roles } from '../common/decorators/roles.decorator';
import { Page } from '../common/pagination.dto';
import { DispatchesService, DispatchView } from './dispatches.service';
import { CancelDispatchDto, CompleteDto, DispatchListQueryDto, NoShowDto } from './dto/dispatch.dto';
import { DispatchViewSchema } from '../common/openapi/workflow-views';
import { ApiFileResponse } from '../common/openapi/file';
import { ApiPageResponse } from '../common/openapi/page';
import { sendCalendar } from '../calendar/calendar-response';

@ApiTags('dispatches')
@ApiBearerAuth()
@Controller('dispatches')
export class DispatchesController {
  constructor(private readonly dispatches: DispatchesService) {}

  @Get()
  @ApiPageResponse(DispatchViewSchema)
  @Roles('staff', 'coordinator', 'volunteer')
  list(@CurrentUser() actor: Actor, @Query() query: DispatchListQueryDto): Promise<Page<DispatchView>> {
    return this.dispatches.list(actor, query);
  }

  @Get(':id/calendar.ics')
  @Roles('staff', 'coordinator', 'volunteer')
  @ApiFileResponse('text/calendar', 'The visit as an iCalendar entry')
  async calendar(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    return sendCalendar(res, await this.dispatches.calendar(actor, id));
  }

  @Get(':id')
  @ApiOkResponse({ type: DispatchViewSchema })
  @Roles('staff', 'coordinator', 'volunteer')
  get(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<DispatchView> {
    return this.dispatches.get(actor, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: DispatchViewSchema })
  @Roles('staff', 'coordinator')
  cancel(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CancelDispatchDto,
  ): Promise<DispatchView> {
    return this.dispatches.cancel(
      actor,
      id,
      body.reason,
      body.party ?? (actor.role === 'coordinator' ? 'hospital' : 'interpreter'),
    );
  }

  @Post(':id/no-show')
  @HttpCode(200)
  @ApiOkResponse({ type: DispatchViewSchema })
  @Roles('staff', 'coordinator')
  noShow(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: NoShowDto,
  ): Promise<DispatchView> {
    return this.dispatches.noShow(actor, id, body.party);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @ApiOkResponse({ type: DispatchViewSchema })
  @Roles('staff', 'coordinator', 'volunteer')
  complete(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CompleteDto,
  ): Promise<DispatchView> {
    return this.dispatches.complete(actor, id, new Date(body.actualStart), new Date(body.actualEnd));
  }
}
