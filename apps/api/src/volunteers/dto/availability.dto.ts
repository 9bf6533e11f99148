import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsInt, IsOptional, IsString, ValidateNested } from 'class-validator';

/**
 * Shapes only (wrong types are 400). What the values mean — weekday 1-7, HH:MM, end after
 * start, no overlaps, real dates — is checked by `validateAvailability` of @app/matching (422
 * naming e.g. `weekly[2].end`), the one definition shared with matching.
 */
export class WeeklySlotDto {
  @ApiProperty({ minimum: 1, maximum: 7, description: 'ISO weekday, Monday = 1' })
  @IsInt()
  weekday: number;

  @ApiProperty({ example: '09:00' })
  @IsString()
  start: string;

  @ApiProperty({ example: '12:00', description: '"24:00" allowed' })
  @IsString()
  end: string;
}

export class AvailabilityExceptionDto {
  @ApiProperty({ example: '2026-12-29' })
  @IsString()
  date: string;

  @ApiProperty()
  @IsBoolean()
  available: boolean;

  @ApiPropertyOptional({ example: '13:00' })
  @IsOptional()
  @IsString()
  start?: string;

  @ApiPropertyOptional({ example: '17:00' })
  @IsOptional()
  @IsString()
  end?: string;
}

/** Availability in Asia/Tokyo wall time. */
export class AvailabilityDto {
  @ApiProperty({ type: [WeeklySlotDto] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => WeeklySlotDto)
  weekly: WeeklySlotDto[];

  @ApiProperty({ type: [AvailabilityExceptionDto] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => AvailabilityExceptionDto)
  exceptions: AvailabilityExceptionDto[];
}
