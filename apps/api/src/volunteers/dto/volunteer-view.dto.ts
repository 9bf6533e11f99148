import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GENDERS, LEVELS, VOLUNTEER_STATUSES } from '@app/matching';
import type { Gender, Level, VolunteerStatus } from '@app/matching';
import { AvailabilityDto } from './availability.dto';
import { LanguageSkillDto } from './volunteer.dto';

export class VolunteerView {
  @ApiProperty() id: string;
  @ApiProperty() displayName: string;
  @ApiProperty() nameKana: string;
  @ApiProperty() email: string;
  @ApiPropertyOptional({ nullable: true }) phone: string | null;
  @ApiProperty({ enum: GENDERS }) gender: Gender;
  @ApiProperty() homeArea: string;
  @ApiProperty({ type: [LanguageSkillDto] }) languages: LanguageSkillDto[];
  @ApiProperty({ enum: LEVELS }) level: Level;
  @ApiProperty({ enum: VOLUNTEER_STATUSES }) status: VolunteerStatus;
  @ApiPropertyOptional({ nullable: true }) pledgeSignedAt: Date | null;
  @ApiPropertyOptional({ nullable: true }) insuranceValidUntil: string | null;
  @ApiProperty() maxDispatchesPerMonth: number;
  @ApiProperty() registeredAt: Date;
  @ApiPropertyOptional({ nullable: true }) lastDispatchAt: Date | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class BanView {
  @ApiProperty() id: string;
  @ApiPropertyOptional({ nullable: true }) hospitalId: string | null;
  @ApiPropertyOptional({ nullable: true }) patientKey: string | null;
  @ApiProperty() reason: string;
  @ApiPropertyOptional({ nullable: true }) createdBy: string | null;
  @ApiProperty() createdAt: Date;
}

export class LevelChangeView {
  @ApiProperty({ enum: LEVELS }) from: Level;
  @ApiProperty({ enum: LEVELS }) to: Level;
  @ApiPropertyOptional({ nullable: true }) changedBy: string | null;
  @ApiPropertyOptional({ nullable: true }) changedByName: string | null;
  @ApiProperty() reason: string;
  @ApiProperty() at: Date;
}

export class VolunteerAccountView {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() active: boolean;
}

/** What staff see: the profile, availability, bans, level history and the linked account. */
export class VolunteerDetailView extends VolunteerView {
  @ApiProperty({ type: AvailabilityDto }) availability: AvailabilityDto;
  @ApiProperty({ type: [BanView] }) bans: BanView[];
  @ApiProperty({ type: [LevelChangeView] }) levelHistory: LevelChangeView[];
  @ApiPropertyOptional({ type: VolunteerAccountView, nullable: true }) account: VolunteerAccountView | null;
}

/** The volunteer's calendar subscription address (only ever in their own answers). */
export class CalendarFeedView {
  @ApiProperty({
    description: 'The calendar subscription address (https; webcal:// opens it in a calendar app)',
    example: 'https://dispatch.example.jp/api/calendar/feeds/3q2-7w….ics',
  })
  calendarFeedUrl: string;
}

/** GET /api/volunteers/me: the own record and the calendar subscription address. */
export class OwnVolunteerView extends VolunteerView {
  @ApiProperty({ description: 'The calendar subscription address (see CalendarFeedView)' })
  calendarFeedUrl: string;
}
