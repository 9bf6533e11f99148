import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/decorators/roles.decorator';
import { FiscalYearQueryDto, StatsSummary, StatsSummarySchema } from './stats.dto';
import { StatsService } from './stats.service';

@ApiTags('stats')
@ApiBearerAuth()
@Controller('stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get('summary')
  @ApiOkResponse({ type: StatsSummarySchema })
  @Roles('staff')
  summary(@Query() query: FiscalYearQueryDto): Promise<StatsSummary> {
    return this.stats.summary(query.fiscalYear);
  }
}
