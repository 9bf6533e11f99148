import { Controller, Get, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentUser } from '../common/decorators/current-user.decorator';
import { Roles } from '../common/decorators/roles.decorator';
import { ApiFileResponse } from '../common/openapi/file';
import { DocumentsService, PdfFile } from './documents.service';
import { FISCAL_YEAR_QUERY, MONTH_PARAM, requireFiscalYear, requireMonth } from './dto/document-params';

const PDF = 'application/pdf';

const pdf = (file: PdfFile) =>
  new StreamableFile(file.bytes, { type: PDF, disposition: file.disposition, length: file.bytes.length });

/**
 * Printable documents: A4 PDF with the Japanese font embedded, as attachments named in ASCII
 * and in Japanese (filename*). Scope as the statements': outside it, 404.
 */
@ApiTags('documents')
@ApiBearerAuth()
@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get('statements/hospitals/:hospitalId/:month.pdf')
  @Roles('staff', 'coordinator')
  @ApiOperation({
    summary: "A hospital's invoice (請求書) of a month",
    description:
      'The lines and total of `GET /api/statements/hospitals?month=` for this hospital, with the fee rules that priced them. Staff: any hospital; a coordinator: their own.',
  })
  @ApiParam({ name: 'hospitalId', format: 'uuid', type: String })
  @ApiParam(MONTH_PARAM)
  @ApiFileResponse(PDF, 'The invoice, A4 PDF')
  async hospitalInvoice(
    @CurrentUser() actor: Actor,
    @Param('hospitalId', ParseUUIDPipe) hospitalId: string,
    @Param('month') month: string,
  ): Promise<StreamableFile> {
    return pdf(await this.documents.hospitalInvoice(actor, hospitalId, requireMonth(month)));
  }

  @Get('statements/volunteers/:volunteerId/:month.pdf')
  @Roles('staff', 'volunteer')
  @ApiOperation({
    summary: "A volunteer's honoraria and transport statement (謝金・交通費明細書) of a month",
    description:
      'The lines and total of `GET /api/statements/volunteers?month=` for this volunteer. Staff: any volunteer; a volunteer: their own.',
  })
  @ApiParam({ name: 'volunteerId', format: 'uuid', type: String })
  @ApiParam(MONTH_PARAM)
  @ApiFileResponse(PDF, 'The statement, A4 PDF')
  async volunteerStatement(
    @CurrentUser() actor: Actor,
    @Param('volunteerId', ParseUUIDPipe) volunteerId: string,
    @Param('month') month: string,
  ): Promise<StreamableFile> {
    return pdf(await this.documents.volunteerStatement(actor, volunteerId, requireMonth(month)));
  }

  @Get('volunteers/:id/activity.pdf')
  @Roles('staff', 'volunteer')
  @ApiOperation({
    summary: "A volunteer's activity report (活動実績報告書) of a fiscal year",
    description:
      'Completed visits by month and language with their hours, and the training attended, from 1 April to 31 March (Asia/Tokyo). Staff: any volunteer; a volunteer: their own.',
  })
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiQuery(FISCAL_YEAR_QUERY)
  @ApiFileResponse(PDF, 'The activity report, A4 PDF')
  async activityReport(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('fiscalYear') fiscalYear: string | undefined,
  ): Promise<StreamableFile> {
    return pdf(await this.documents.activityReport(actor, id, requireFiscalYear(fiscalYear)));
  }
}
