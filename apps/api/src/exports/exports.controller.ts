import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { attachment } from '../common/content-disposition';
import { ApiFileResponse } from '../common/openapi/file';
import { Actor, CurrentUser } from '../common/decorators/current-user.decorator';
import { Roles } from '../common/decorators/roles.decorator';
import { DateRangeQueryDto, ExportFiscalYearQueryDto, ExportMonthQueryDto } from './dto/export.dto';
import { ExportsService } from './exports.service';
import { csvStream, Table, xlsxStream } from './tabular';

const CSV = 'text/csv; charset=utf-8';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const csv = (table: Table, name: string) =>
  new StreamableFile(csvStream(table), { type: CSV, disposition: attachment(`${name}.csv`) });
const xlsx = (table: Table, name: string) =>
  new StreamableFile(xlsxStream(table), { type: XLSX, disposition: attachment(`${name}.xlsx`) });

/**
 * Downloads for staff: CSV (UTF-8 with BOM) and .xlsx (date and number cells, frozen header),
 * streamed; headers and labels in `lang` (Japanese by default), times in Japan time.
 */
@ApiTags('exports')
@ApiBearerAuth()
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('dispatches.csv')
  @Roles('staff')
  @ApiFileResponse(CSV)
  dispatchesCsv(@Query() q: DateRangeQueryDto): StreamableFile {
    return csv(this.exports.dispatches(q.from, q.to, q.lang), `dispatches-${q.from}-${q.to}`);
  }

  @Get('dispatches.xlsx')
  @Roles('staff')
  @ApiFileResponse(XLSX)
  dispatchesXlsx(@Query() q: DateRangeQueryDto): StreamableFile {
    return xlsx(this.exports.dispatches(q.from, q.to, q.lang), `dispatches-${q.from}-${q.to}`);
  }

  @Get('attendance.csv')
  @Roles('staff')
  @ApiFileResponse(CSV)
  attendanceCsv(@Query() q: DateRangeQueryDto): StreamableFile {
    return csv(this.exports.attendance(q.from, q.to, q.lang), `attendance-${q.from}-${q.to}`);
  }

  @Get('attendance.xlsx')
  @Roles('staff')
  @ApiFileResponse(XLSX)
  attendanceXlsx(@Query() q: DateRangeQueryDto): StreamableFile {
    return xlsx(this.exports.attendance(q.from, q.to, q.lang), `attendance-${q.from}-${q.to}`);
  }

  @Get('statements/hospitals.csv')
  @Roles('staff')
  @ApiFileResponse(CSV)
  hospitalsCsv(@CurrentUser() actor: Actor, @Query() q: ExportMonthQueryDto): StreamableFile {
    return csv(this.exports.hospitalStatements(actor, q.month, q.lang), `hospital-statements-${q.month}`);
  }

  @Get('statements/hospitals.xlsx')
  @Roles('staff')
  @ApiFileResponse(XLSX)
  hospitalsXlsx(@CurrentUser() actor: Actor, @Query() q: ExportMonthQueryDto): StreamableFile {
    return xlsx(this.exports.hospitalStatements(actor, q.month, q.lang), `hospital-statements-${q.month}`);
  }

  @Get('statements/volunteers.csv')
  @Roles('staff')
  @ApiFileResponse(CSV)
  volunteersCsv(@CurrentUser() actor: Actor, @Query() q: ExportMonthQueryDto): StreamableFile {
    return csv(this.exports.volunteerStatements(actor, q.month, q.lang), `volunteer-statements-${q.month}`);
  }

  @Get('statements/volunteers.xlsx')
  @Roles('staff')
  @ApiFileResponse(XLSX)
  volunteersXlsx(@CurrentUser() actor: Actor, @Query() q: ExportMonthQueryDto): StreamableFile {
    return xlsx(this.exports.volunteerStatements(actor, q.month, q.lang), `volunteer-statements-${q.month}`);
  }

  /** The fiscal year's figures for the city's yearly report (令和N年度), from the stats API's queries. */
  @Get('figures.xlsx')
  @Roles('staff')
  @ApiFileResponse(XLSX)
  async figuresXlsx(@Query() q: ExportFiscalYearQueryDto): Promise<StreamableFile> {
    const file = await this.exports.figures(q.fiscalYear, q.lang);
    return new StreamableFile(file, { type: XLSX, disposition: attachment(`figures-${q.fiscalYear}.xlsx`) });
  }
}
