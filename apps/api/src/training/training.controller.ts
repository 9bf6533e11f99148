import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse } from '../common/openapi/page';
import { Roles } from '../common/decorators/roles.decorator';
import { Page } from '../common/pagination.dto';
import { ArrayBodyPipe } from './array-body.pipe';
import {
  AttendanceEntryDto,
  CourseDetailView,
  CourseListQueryDto,
  CourseView,
  CreateCourseDto,
  UpdateCourseDto,
} from './dto/course.dto';
import { TrainingService } from './training.service';

@ApiTags('training')
@ApiBearerAuth()
@Roles('staff')
@Controller('courses')
export class TrainingController {
  constructor(private readonly training: TrainingService) {}

  @Get()
  @ApiPageResponse(CourseView)
  list(@Query() query: CourseListQueryDto): Promise<Page<CourseView>> {
    return this.training.list(query);
  }

  @Post()
  @ApiCreatedResponse({ type: CourseView })
  create(@Body() body: CreateCourseDto): Promise<CourseView> {
    return this.training.create(body);
  }

  @Get(':id')
  @ApiOkResponse({ type: CourseDetailView })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<CourseDetailView> {
    return this.training.get(id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: CourseView })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateCourseDto): Promise<CourseView> {
    return this.training.update(id, body);
  }

  /**
   * Upsert per volunteer; more registered + attended than the capacity → 409 COURSE_FULL, and
   * attended/absent before the course has started → 409 COURSE_NOT_STARTED; nothing written.
   */
  @Put(':id/attendance')
  @ApiOkResponse({ type: CourseDetailView })
  @ApiBody({ type: [AttendanceEntryDto] })
  putAttendance(
    @Param('id', ParseUUIDPipe) id: string,
    @Body(ArrayBodyPipe(AttendanceEntryDto, { maxItems: 1000 })) body: AttendanceEntryDto[],
  ): Promise<CourseDetailView> {
    return this.training.putAttendance(id, body);
  }

  /** A registration the volunteer withdrew; attended or absent stays (409 ATTENDANCE_RECORDED). */
  @Delete(':id/attendance/:volunteerId')
  @ApiOkResponse({ type: CourseDetailView })
  removeRegistration(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('volunteerId', ParseUUIDPipe) volunteerId: string,
  ): Promise<CourseDetailView> {
    return this.training.removeRegistration(id, volunteerId);
  }
}
