import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentUser } from '../common/decorators/current-user.decorator';
import { Roles } from '../common/decorators/roles.decorator';
import { Page } from '../common/pagination.dto';
import {
  CreateReportDto,
  HospitalConfirmationDto,
  HospitalConfirmationView,
  ReportListQueryDto,
  ReportView,
  ReviewDto,
  UpdateReportDto,
} from './dto/report.dto';
import { ReportsService } from './reports.service';
import { ApiPageResponse } from '../common/openapi/page';

/** The report and the hospital's confirmation, under their dispatch. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('dispatches/:id')
export class DispatchReportController {
  constructor(private readonly reports: ReportsService) {}

  @Post('report')
  @ApiCreatedResponse({ type: ReportView })
  @Roles('volunteer')
  file(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CreateReportDto,
  ): Promise<ReportView> {
    return this.reports.file(actor, id, body);
  }

  @Put('report')
  @ApiOkResponse({ type: ReportView })
  @Roles('volunteer')
  replace(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CreateReportDto,
  ): Promise<ReportView> {
    return this.reports.update(actor, id, body);
  }

  @Patch('report')
  @ApiOkResponse({ type: ReportView })
  @Roles('volunteer')
  update(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateReportDto,
  ): Promise<ReportView> {
    return this.reports.update(actor, id, body);
  }

  @Get('report')
  @ApiOkResponse({ type: ReportView })
  @Roles('staff', 'volunteer')
  get(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ReportView> {
    return this.reports.forDispatch(actor, id);
  }

  @Get('hospital-confirmation')
  @ApiOkResponse({ type: HospitalConfirmationView })
  @Roles('staff', 'coordinator')
  getConfirmation(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<HospitalConfirmationView> {
    return this.reports.hospitalConfirmation(actor, id);
  }

  @Post('hospital-confirmation')
  @ApiCreatedResponse({ type: HospitalConfirmationView })
  @Roles('staff', 'coordinator')
  confirm(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: HospitalConfirmationDto,
  ): Promise<HospitalConfirmationView> {
    return this.reports.confirmByHospital(actor, id, body);
  }
}

/** The staff review queue. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get()
  @ApiPageResponse(ReportView)
  @Roles('staff')
  list(@Query() query: ReportListQueryDto): Promise<Page<ReportView>> {
    return this.reports.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: ReportView })
  @Roles('staff')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<ReportView> {
    return this.reports.get(id);
  }

  @Post(':id/review')
  @HttpCode(200)
  @ApiOkResponse({ type: ReportView })
  @Roles('staff')
  review(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReviewDto,
  ): Promise<ReportView> {
    return this.reports.review(actor, id, body);
  }
}
