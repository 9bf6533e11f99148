import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse } from '../common/openapi/page';
import { Actor, CurrentUser } from '../common/decorators/current-user.decorator';
import { Roles } from '../common/decorators/roles.decorator';
import { Page } from '../common/pagination.dto';
import { UserView } from '../auth/dto/auth.dto';
import {
  CreateCoordinatorDto,
  CreateHospitalDto,
  HospitalDetailView,
  HospitalListQueryDto,
  HospitalView,
  UpdateHospitalDto,
} from './dto/hospital.dto';
import { HospitalsService } from './hospitals.service';

@ApiTags('hospitals')
@ApiBearerAuth()
@Roles('staff')
@Controller('hospitals')
export class HospitalsController {
  constructor(private readonly hospitals: HospitalsService) {}

  @Get()
  @ApiPageResponse(HospitalView)
  list(@Query() query: HospitalListQueryDto): Promise<Page<HospitalView>> {
    return this.hospitals.list(query);
  }

  @Post()
  @ApiCreatedResponse({ type: HospitalView })
  create(@Body() body: CreateHospitalDto): Promise<HospitalView> {
    return this.hospitals.create(body);
  }

  /** Staff, or a coordinator for their own hospital. */
  @Roles('staff', 'coordinator')
  @Get(':id')
  @ApiOkResponse({ type: HospitalDetailView })
  get(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<HospitalDetailView> {
    return this.hospitals.get(actor, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: HospitalView })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateHospitalDto): Promise<HospitalView> {
    return this.hospitals.update(id, body);
  }

  @Post(':id/coordinators')
  @ApiCreatedResponse({ type: UserView })
  addCoordinator(@Param('id', ParseUUIDPipe) id: string, @Body() body: CreateCoordinatorDto): Promise<UserView> {
    return this.hospitals.addCoordinator(id, body);
  }
}
