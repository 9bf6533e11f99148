import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentUser } from '../common/decorators/current-user.decorator';
import { Roles } from '../common/decorators/roles.decorator';
import {
  CreateFeeRuleDto,
  FeeTermsSchema,
  HospitalStatement,
  HospitalStatementsSchema,
  MonthQueryDto,
  Statements,
  VolunteerStatement,
  VolunteerStatementsSchema,
} from './dto/fees.dto';
import { FeeTerms } from './fee-calculator';
import { FeesService } from './fees.service';

@ApiTags('fees')
@ApiBearerAuth()
@Controller()
export class FeesController {
  constructor(private readonly fees: FeesService) {}

  @Get('fee-rules')
  @ApiOkResponse({ type: [FeeTermsSchema] })
  @Roles('staff')
  rules(): Promise<FeeTerms[]> {
    return this.fees.rules();
  }

  @Post('fee-rules')
  @ApiCreatedResponse({ type: FeeTermsSchema })
  @Roles('admin')
  addRule(@CurrentUser() actor: Actor, @Body() body: CreateFeeRuleDto): Promise<FeeTerms> {
    return this.fees.addRule(actor, body);
  }

  /** Staff see every hospital; a coordinator their own. */
  @Get('statements/hospitals')
  @ApiOkResponse({ type: HospitalStatementsSchema })
  @Roles('staff', 'coordinator')
  hospitals(@CurrentUser() actor: Actor, @Query() query: MonthQueryDto): Promise<Statements<HospitalStatement>> {
    return this.fees.hospitalStatements(actor, query.month);
  }

  /** Staff see every volunteer; a volunteer their own. */
  @Get('statements/volunteers')
  @ApiOkResponse({ type: VolunteerStatementsSchema })
  @Roles('staff', 'volunteer')
  volunteers(@CurrentUser() actor: Actor, @Query() query: MonthQueryDto): Promise<Statements<VolunteerStatement>> {
    return this.fees.volunteerStatements(actor, query.month);
  }
}
