import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/decorators/roles.decorator';
import { Page } from '../common/pagination.dto';
import { AuditService } from './audit.service';
import { AuditListQueryDto, AuditView } from './dto/audit.dto';
import { ApiPageResponse } from '../common/openapi/page';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-log')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiPageResponse(AuditView)
  @Roles('admin')
  list(@Query() query: AuditListQueryDto): Promise<Page<AuditView>> {
    return this.audit.list(query);
  }
}
