import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiFileResponse } from '../common/openapi/file';
import { Actor, CurrentUser } from '../common/decorators/current-user.decorator';
import { Roles } from '../common/decorators/roles.decorator';
import { MonthQueryDto } from '../fees/dto/fees.dto';
import { DateRangeQueryDto } from './dto/export.dto';
import { ExportsService } from './exports.service';
import { csvStream, Table, xlsxStream } from './tabular';

const CSV = 'text/csv; charset=utf-8';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const csv = (table: Table, name: string) =>
  new StreamableFile(csvStream(table), { type: CSV, disposition: `attachment; filename="${name}.csv"` });
const xlsx = (table: Table, name: string) =>
  new StreamableFile(xlsxStream(table), { type: XLSX, disposition: `attachment; filename="${name}.xlsx"` });

/** Downloads for staff: CSV (UTF-8 with BOM) and .xlsx, streamed. */
@ApiTags('exports')
@ApiBearerAuth()
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('dispatches.csv')
  @Roles('staff')
  @ApiFileResponse(CSV)
  dispatchesCsv(@Query() q: DateRangeQueryDto): StreamableFile {
    return csv(this.exports.dispatches(q.from, q.to), `dispatches-${q.from}-${q.to}`);
  }

  @Get('dispatches.xlsx')
  @Roles('staff')
  @ApiFileResponse(XLSX)
  dispatchesXlsx(@Query() q: DateRangeQueryDto): StreamableFile {
    return xlsx(this.exports.dispatches(q.from, q.to), `dispatches-${q.from}-${q.to}`);
  }

  @Get('attendance.csv')
  @Roles('staff')
  @ApiFileResponse(CSV)
  attendanceCsv(@Query() q: DateRangeQueryDto): StreamableFile {
    return csv(this.exports.attendance(q.from, q.to), `attendance-${q.from}-${q.to}`);
  }

  @Get('attendance.xlsx')
  @Roles('staff')
  @ApiFileResponse(XLSX)
  attendanceXlsx(@Query() q: DateRangeQueryDto): StreamableFile {
    return xlsx(this.exports.attendance(q.from, q.to), `attendance-${q.from}-${q.to}`);
  }

  @Get('statements/hospitals.csv')
  @Roles('staff')
  @ApiFileResponse(CSV)
  hospitalsCsv(@CurrentUser() actor: Actor, @Query() q: MonthQueryDto): StreamableFile {
    return csv(this.exports.hospitalStatements(actor, q.month), `hospital-statements-${q.month}`);
  }

  @Get('statements/hospitals.xlsx')
  @Roles('staff')
  @ApiFileResponse(XLSX)
  hospitalsXlsx(@CurrentUser() actor: Actor, @Query() q: MonthQueryDto): StreamableFile {
    return xlsx(this.exports.hospitalStatements(actor, q.month), `hospital-statements-${q.month}`);
  }

  @Get('statements/volunteers.csv')
  @Roles('staff')
  @ApiFileResponse(CSV)
  volunteersCsv(@CurrentUser() actor: Actor, @Query() q: MonthQueryDto): StreamableFile {
    return csv(this.exports.volunteerStatements(actor, q.month), `volunteer-statements-${q.month}`);
  }

  @Get('statements/volunteers.xlsx')
  @Roles('staff')
  @ApiFileResponse(XLSX)
  volunteersXlsx(@CurrentUser() actor: Actor, @Query() q: MonthQueryDto): StreamableFile {
    return xlsx(this.exports.volunteerStatements(actor, q.month), `volunteer-statements-${q.month}`);
  }
}
