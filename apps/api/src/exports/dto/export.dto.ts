import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { LOCALES, type Locale } from '@app/domain/model';
import { MonthQueryDto } from '../../fees/dto/fees.dto';
import { FiscalYearQueryDto } from '../../stats/stats.dto';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The language of an export's headers and labels: Japanese unless asked otherwise. */
export class ExportLangQueryDto {
  @ApiPropertyOptional({ enum: LOCALES, default: 'ja', description: 'Headers and labels in Japanese or English' })
  @IsOptional()
  @IsIn(LOCALES, { message: 'lang must be ja or en' })
  lang?: Locale;
}

/** Tokyo calendar days, both inclusive. */
export class DateRangeQueryDto extends ExportLangQueryDto {
  @ApiProperty({ example: '2026-04-01' })
  @Matches(DATE, { message: 'from must be YYYY-MM-DD' })
  from: string;

  @ApiProperty({ example: '2027-03-31' })
  @Matches(DATE, { message: 'to must be YYYY-MM-DD' })
  to: string;
}

export class ExportMonthQueryDto extends IntersectionType(MonthQueryDto, ExportLangQueryDto) {}

export class ExportFiscalYearQueryDto extends IntersectionType(FiscalYearQueryDto, ExportLangQueryDto) {}
