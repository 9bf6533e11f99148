import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, Matches, Max, Min } from 'class-validator';
import { TRANSPORT_MODES, TransportMode } from '@app/domain';

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
}

export interface HospitalStatementLine {
  dispatchId: string;
  requestId: string;
  /** Tokyo date of the visit. */
  date: string;
  language: string;
  kind: 'visit' | 'late_cancellation' | 'patient_no_show';
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

export interface VolunteerStatementLine {
  dispatchId: string;
  date: string;
  hospitalName: string;
  kind: 'visit' | 'patient_no_show';
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
