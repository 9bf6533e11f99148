import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, Matches, Max, Min } from 'class-validator';
import { TRANSPORT_MODES, TransportMode } from '@app/domain';
import { FEE_LINE_KINDS, type FeeLineKind } from '@app/domain/model';
import type { FeeTerms } from '../fee-calculator';
import { OptionalNotNull } from '../../common/validation.pipe';

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export class MonthQueryDto {
  @ApiProperty({ example: '2026-12' })
  @Matches(MONTH_PATTERN, { message: 'month must be YYYY-MM' })
  month: string;
}

export class CreateFeeRuleDto {
  @ApiProperty({ example: '2027-04-01', description: 'Tokyo date from which the rule applies; must be after today' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'validFrom must be YYYY-MM-DD' })
  validFrom: string;

  @ApiProperty({ example: 3000 })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  hospitalBaseYen: number;

  @ApiProperty({ example: 120 })
  @IsInt()
  @Min(1)
  @Max(1440)
  baseMinutes: number;

  @ApiProperty({ example: 1000 })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  hospitalExtraHourYen: number;

  @ApiProperty({ example: 3000 })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  lateCancellationYen: number;

  @ApiProperty({ example: 3000 })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  patientNoShowYen: number;

  @ApiProperty({ example: 3000 })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  volunteerFlatYen: number;

  @ApiProperty({ enum: TRANSPORT_MODES })
  @IsIn(TRANSPORT_MODES)
  volunteerTransport: TransportMode;

  @ApiPropertyOptional({ default: false, description: "The programme pays a shadowing trainee's transport" })
  @OptionalNotNull()
  @IsBoolean()
  traineeTransportPaid?: boolean;
}

export interface HospitalStatementLine {
  dispatchId: string;
  requestId: string;
  /** Tokyo date of the visit. */
  date: string;
  language: string;
  kind: FeeLineKind;
  minutes: number | null;
  amountYen: number;
  feeRuleId: string;
}

export interface HospitalStatement {
  hospitalId: string;
  hospitalName: string;
  lines: HospitalStatementLine[];
  totalYen: number;
}

/** The volunteer is paid for a visit and a patient's no-show, not for a late cancellation. */
export type VolunteerLineKind = Exclude<FeeLineKind, 'late_cancellation'>;
const VOLUNTEER_LINE_KINDS = FEE_LINE_KINDS.filter((kind): kind is VolunteerLineKind => kind !== 'late_cancellation');

export interface VolunteerStatementLine {
  dispatchId: string;
  date: string;
  hospitalName: string;
  kind: VolunteerLineKind;
  honorariumYen: number;
  transportYen: number;
  amountYen: number;
  feeRuleId: string;
}

export interface VolunteerStatement {
  volunteerId: string;
  volunteerName: string;
  lines: VolunteerStatementLine[];
  totalYen: number;
}

export interface Statements<T> {
  month: string;
  data: T[];
  totalYen: number;
}

/*
 * The OpenAPI schemas of the fee answers: classes describing the interfaces above (and FeeTerms
 * of the calculator), kept in step by `implements`.
 */
@ApiSchema({ name: 'FeeTerms' })
export class FeeTermsSchema implements FeeTerms {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '2026-04-01', description: 'Tokyo date from which the rule applies' }) validFrom!: string;
  @ApiProperty() hospitalBaseYen!: number;
  @ApiProperty() baseMinutes!: number;
  @ApiProperty() hospitalExtraHourYen!: number;
  @ApiProperty() lateCancellationYen!: number;
  @ApiProperty() patientNoShowYen!: number;
  @ApiProperty() volunteerFlatYen!: number;
  @ApiProperty({ enum: TRANSPORT_MODES }) volunteerTransport!: TransportMode;
  @ApiProperty({ description: "The programme pays a shadowing trainee's transport" }) traineeTransportPaid!: boolean;
}

@ApiSchema({ name: 'HospitalStatementLine' })
export class HospitalStatementLineSchema implements HospitalStatementLine {
  @ApiProperty({ format: 'uuid' }) dispatchId!: string;
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty({ description: 'Tokyo date of the visit' }) date!: string;
  @ApiProperty() language!: string;
  @ApiProperty({ enum: FEE_LINE_KINDS }) kind!: HospitalStatementLine['kind'];
  @ApiProperty({ type: Number, nullable: true }) minutes!: number | null;
  @ApiProperty() amountYen!: number;
  @ApiProperty({ format: 'uuid' }) feeRuleId!: string;
}

@ApiSchema({ name: 'HospitalStatement' })
export class HospitalStatementSchema implements HospitalStatement {
  @ApiProperty({ format: 'uuid' }) hospitalId!: string;
  @ApiProperty() hospitalName!: string;
  @ApiProperty({ type: [HospitalStatementLineSchema] }) lines!: HospitalStatementLine[];
  @ApiProperty() totalYen!: number;
}

@ApiSchema({ name: 'HospitalStatements' })
export class HospitalStatementsSchema implements Statements<HospitalStatement> {
  @ApiProperty({ example: '2026-11' }) month!: string;
  @ApiProperty({ type: [HospitalStatementSchema] }) data!: HospitalStatement[];
  @ApiProperty() totalYen!: number;
}

@ApiSchema({ name: 'VolunteerStatementLine' })
export class VolunteerStatementLineSchema implements VolunteerStatementLine {
  @ApiProperty({ format: 'uuid' }) dispatchId!: string;
  @ApiProperty({ description: 'Tokyo date of the visit' }) date!: string;
  @ApiProperty() hospitalName!: string;
  @ApiProperty({ enum: VOLUNTEER_LINE_KINDS }) kind!: VolunteerStatementLine['kind'];
  @ApiProperty() honorariumYen!: number;
  @ApiProperty() transportYen!: number;
  @ApiProperty() amountYen!: number;
  @ApiProperty({ format: 'uuid' }) feeRuleId!: string;
}

@ApiSchema({ name: 'VolunteerStatement' })
export class VolunteerStatementSchema implements VolunteerStatement {
  @ApiProperty({ format: 'uuid' }) volunteerId!: string;
  @ApiProperty() volunteerName!: string;
  @ApiProperty({ type: [VolunteerStatementLineSchema] }) lines!: VolunteerStatementLine[];
  @ApiProperty() totalYen!: number;
}

@ApiSchema({ name: 'VolunteerStatements' })
export class VolunteerStatementsSchema implements Statements<VolunteerStatement> {
  @ApiProperty({ example: '2026-11' }) month!: string;
  @ApiProperty({ type: [VolunteerStatementSchema] }) data!: VolunteerStatement[];
  @ApiProperty() totalYen!: number;
}
