import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Tokyo calendar days, both inclusive. */
export class DateRangeQueryDto {
  @ApiProperty({ example: '2026-04-01' })
  @Matches(DATE, { message: 'from must be YYYY-MM-DD' })
  from: string;

  @ApiProperty({ example: '2027-03-31' })
  @Matches(DATE, { message: 'to must be YYYY-MM-DD' })
  to: string;
}
