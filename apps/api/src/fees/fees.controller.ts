import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentUser } from '../common/decorators/current-user.decorator';
import { Roles } from '../common/decorators/roles.decorator';
import { CreateFeeRuleDto, HospitalStatement, MonthQueryDto, Statements, VolunteerStatement } from './dto/fees.dto';
import { FeeTerms } from './fee-calculator';
import { FeesService } from './fees.service';

@ApiTags('fees')
@ApiBearerAuth()
@Controller()
export class FeesController {
  constructor(private readonly fees: FeesService) {}

  @Get('fee-rules')
  @Roles('staff')
  rules(): Promise<FeeTerms[]> {
    return this.fees.rules();
  }

  @Post('fee-rules')
  @Roles('admin')
  addRule(@CurrentUser() actor: Actor, @Body() body: CreateFeeRuleDto): Promise<FeeTerms> {
    return this.fees.addRule(actor, body);
  }

  /** Staff see every hospital; a coordinator their own. */
  @Get('statements/hospitals')
  @Roles('staff', 'coordinator')
  hospitals(@CurrentUser() actor: Actor, @Query() query: MonthQueryDto): Promise<Statements<HospitalStatement>> {
    return this.fees.hospitalStatements(actor, query.month);
  }

  /** Staff see every volunteer; a volunteer their own. */
  @Get('statements/volunteers')
  @Roles('staff', 'volunteer')
  volunteers(@CurrentUser() actor: Actor, @Query() query: MonthQueryDto): Promise<Statements<VolunteerStatement>> {
    return this.fees.volunteerStatements(actor, query.month);
  }
}
