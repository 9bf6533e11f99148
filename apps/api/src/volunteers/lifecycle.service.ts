import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, Not } from 'typeorm';
import { addCalendarDays, continuationCheck, Lapse, lapsingItems, tokyoDate, Volunteer } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Clock } from '../common/clock';
import { TrainingService } from '../training/training.service';

export class LapseView {
  @ApiProperty({ enum: ['pledge', 'insurance', 'training'] }) item: Lapse['item'];
  @ApiPropertyOptional({ nullable: true, description: 'Last day it holds; null when missing' }) date: string | null;
  @ApiProperty({ description: 'Already lapsed or missing today' }) lapsed: boolean;
}

export class LapsingVolunteerView {
  @ApiProperty() volunteerId: string;
  @ApiProperty() displayName: string;
  @ApiProperty() email: string;
  @ApiProperty({ type: [LapseView] }) items: LapseView[];
}

export class LapsingListView {
  @ApiProperty() today: string;
  @ApiProperty() until: string;
  @ApiProperty({ type: [LapsingVolunteerView] }) data: LapsingVolunteerView[];
  @ApiProperty() total: number;
}

export class ContinuationVolunteerView {
  @ApiProperty() volunteerId: string;
  @ApiProperty() displayName: string;
  @ApiProperty() email: string;
  @ApiProperty() registeredAt: Date;
  @ApiPropertyOptional({ nullable: true }) lastDispatchAt: Date | null;
  @ApiPropertyOptional({ nullable: true }) lastTrainingAt: Date | null;
  @ApiProperty() lastActivityOn: string;
}

export class ContinuationListView {
  @ApiProperty() today: string;
  @ApiProperty({ description: 'Nothing happened since this date (start of the window of fiscal years)' })
  windowStart: string;
  @ApiProperty({ type: [ContinuationVolunteerView] }) data: ContinuationVolunteerView[];
  @ApiProperty() total: number;
}

/**
 * Lifecycle lists for staff: what lapses soon (pledge, insurance, training standing) and who is
 * due a continuation check. The rules are the pure functions of @app/domain; this only loads.
 *
 * "Last dispatch" is `volunteers.last_dispatch_at`; the dispatch feature sets it when a dispatch
 * completes, and nothing here changes.
 */
@Injectable()
export class LifecycleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly training: TrainingService,
  ) {}

  /** Active volunteers with something lapsing by today + withinDays (or already lapsed / missing). */
  async lapsing(withinDays: number): Promise<LapsingListView> {
    const today = tokyoDate(this.clock.now());
    const volunteers = await this.dataSource
      .getRepository(Volunteer)
      .find({ where: { status: 'active' }, order: { nameKana: 'ASC', id: 'ASC' } });
    const histories = await this.training.histories(volunteers.map((v) => v.id));
    const data: LapsingVolunteerView[] = [];
    for (const v of volunteers) {
      const standing = this.training.evaluate(histories.get(v.id) ?? []);
      const items = lapsingItems(
        { pledgeSignedAt: v.pledgeSignedAt, insuranceValidUntil: v.insuranceValidUntil, training: standing },
        today,
        withinDays,
        this.training.settings.lifecycle,
      );
      if (items.length) data.push({ volunteerId: v.id, displayName: v.displayName, email: v.email, items });
    }
    return { today, until: addCalendarDays(today, withinDays), data, total: data.length };
  }

  /** Volunteers (not retired) with no dispatch and no attended training in the configured fiscal years. */
  async continuationCheck(): Promise<ContinuationListView> {
    const today = tokyoDate(this.clock.now());
    const volunteers = await this.dataSource
      .getRepository(Volunteer)
      .find({ where: { status: Not(In(['retired'])) }, order: { nameKana: 'ASC', id: 'ASC' } });
    const histories = await this.training.histories(volunteers.map((v) => v.id));
    const data: ContinuationVolunteerView[] = [];
    let windowStart = today;
    for (const v of volunteers) {
      const attended = (histories.get(v.id) ?? []).filter((h) => h.status === 'attended');
      const lastTrainingAt = attended.at(-1)?.startsAt ?? null;
      const check = continuationCheck(
        { registeredAt: v.registeredAt, lastDispatchAt: v.lastDispatchAt, lastTrainingAt },
        today,
        this.training.settings.lifecycle,
      );
      windowStart = check.windowStart;
      if (check.due) {
        data.push({
          volunteerId: v.id,
          displayName: v.displayName,
          email: v.email,
          registeredAt: v.registeredAt,
          lastDispatchAt: v.lastDispatchAt,
          lastTrainingAt,
          lastActivityOn: check.lastActivityOn,
        });
      }
    }
    if (volunteers.length === 0)
      windowStart = continuationCheck(
        { registeredAt: this.clock.now(), lastDispatchAt: null, lastTrainingAt: null },
        today,
        this.training.settings.lifecycle,
      ).windowStart;
    return { today, windowStart, data, total: data.length };
  }
}
