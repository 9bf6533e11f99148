import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import type { StatsSummary } from '@app/domain';

export class FiscalYearQueryDto {
  @ApiProperty({ example: 2026, description: 'The year the fiscal year starts in (April–March, Asia/Tokyo)' })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  fiscalYear: number;
}

export type { StatsSummary };

/*
 * The OpenAPI schema of the summary: classes describing StatsSummary, kept in step by `implements`.
 */
type Dispatches = StatsSummary['dispatches'];
type Requests = StatsSummary['requests'];

@ApiSchema({ name: 'LanguageCount' })
class LanguageCountSchema {
  @ApiProperty() language!: string;
  @ApiProperty() count!: number;
}

@ApiSchema({ name: 'HospitalCount' })
class HospitalCountSchema {
  @ApiProperty({ format: 'uuid' }) hospitalId!: string;
  @ApiProperty() hospitalName!: string;
  @ApiProperty() count!: number;
}

@ApiSchema({ name: 'DepartmentCount' })
class DepartmentCountSchema {
  @ApiProperty() department!: string;
  @ApiProperty() count!: number;
}

@ApiSchema({ name: 'MonthCount' })
class MonthCountSchema {
  @ApiProperty({ example: '2026-04' }) month!: string;
  @ApiProperty() count!: number;
}

@ApiSchema({ name: 'DispatchStatusCounts' })
class DispatchStatusCountsSchema implements Readonly<Dispatches['byStatus']> {
  @ApiProperty() confirmed!: number;
  @ApiProperty() completed!: number;
  @ApiProperty() cancelled!: number;
  @ApiProperty() no_show!: number;
}

@ApiSchema({ name: 'DispatchStats' })
class DispatchStatsSchema implements Dispatches {
  @ApiProperty() total!: number;
  @ApiProperty({ type: DispatchStatusCountsSchema }) byStatus!: Dispatches['byStatus'];
  @ApiProperty({ type: [LanguageCountSchema] }) byLanguage!: Dispatches['byLanguage'];
  @ApiProperty({ type: [HospitalCountSchema] }) byHospital!: Dispatches['byHospital'];
  @ApiProperty({ type: [DepartmentCountSchema] }) byDepartment!: Dispatches['byDepartment'];
  @ApiProperty({ type: [MonthCountSchema] }) byMonth!: Dispatches['byMonth'];
}

@ApiSchema({ name: 'RequestStats' })
class RequestStatsSchema implements Requests {
  @ApiProperty() total!: number;
  @ApiProperty() filled!: number;
  @ApiProperty() unfilled!: number;
  @ApiProperty() pending!: number;
  @ApiProperty() withdrawn!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'filled / (filled + unfilled)' }) fillRate!: number | null;
  @ApiProperty({ type: [LanguageCountSchema] }) unfilledByLanguage!: Requests['unfilledByLanguage'];
}

@ApiSchema({ name: 'TimeToConfirm' })
class TimeToConfirmSchema implements Readonly<StatsSummary['timeToConfirmMinutes']> {
  @ApiProperty() count!: number;
  @ApiProperty({ type: Number, nullable: true }) median!: number | null;
  @ApiProperty({ type: Number, nullable: true }) p90!: number | null;
}

@ApiSchema({ name: 'ActiveVolunteers' })
class ActiveVolunteersSchema implements Readonly<StatsSummary['activeVolunteers']> {
  @ApiProperty() total!: number;
  @ApiProperty({ type: [LanguageCountSchema] }) byLanguage!: StatsSummary['activeVolunteers']['byLanguage'];
}

@ApiSchema({ name: 'TrainingStats' })
class TrainingStatsSchema implements Readonly<StatsSummary['training'][number]> {
  @ApiProperty() kind!: string;
  @ApiProperty() courses!: number;
  @ApiProperty() attended!: number;
  @ApiProperty() volunteers!: number;
  @ApiProperty() hours!: number;
}

@ApiSchema({ name: 'ShadowingStats' })
class ShadowingStatsSchema implements Readonly<StatsSummary['shadowing']> {
  @ApiProperty({ description: 'Shadow seats held on visits starting in the year' }) shadowVisits!: number;
  @ApiProperty({ description: 'Distinct trainees who held them' }) trainees!: number;
  @ApiProperty({ description: 'Trainees promoted (level change from trainee) in the year' }) traineesPromoted!: number;
}

@ApiSchema({ name: 'StatsSummary' })
export class StatsSummarySchema implements StatsSummary {
  @ApiProperty() fiscalYear!: number;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: DispatchStatsSchema, description: 'Primary dispatches whose visit starts in the year' })
  dispatches!: Dispatches;
  @ApiProperty({ type: RequestStatsSchema, description: 'Requests whose visit starts in the year' })
  requests!: Requests;
  @ApiProperty({
    type: TimeToConfirmSchema,
    description: 'From filing to the first confirmation, over filled requests, in minutes',
  })
  timeToConfirmMinutes!: StatsSummary['timeToConfirmMinutes'];
  @ApiProperty({ type: ActiveVolunteersSchema }) activeVolunteers!: StatsSummary['activeVolunteers'];
  @ApiProperty({ type: [TrainingStatsSchema] }) training!: StatsSummary['training'];
  @ApiProperty({ type: ShadowingStatsSchema }) shadowing!: StatsSummary['shadowing'];
}
