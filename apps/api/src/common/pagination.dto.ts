import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { ownValue } from './own-key';

export const MAX_PER_PAGE = 100;

/** Highest page asked for: far past any list here, and its offset fits PostgreSQL's bigint. */
export const MAX_PAGE = 1_000_000;

/** `?page=1&perPage=25&sort=field&order=ASC|DESC` of API.md. */
export class ListQueryDto {
  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: MAX_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page: number = 1;

  /** Larger values are capped at MAX_PER_PAGE rather than refused. */
  @ApiPropertyOptional({ default: 25, minimum: 1, maximum: MAX_PER_PAGE })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === undefined ? value : Math.min(Number(value), MAX_PER_PAGE)))
  @IsInt()
  @Min(1)
  perPage: number = 25;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  sort?: string;

  @ApiPropertyOptional({ enum: ['ASC', 'DESC'] })
  @IsOptional()
  @IsIn(['ASC', 'DESC', 'asc', 'desc'])
  order?: 'ASC' | 'DESC' | 'asc' | 'desc';

  get skip(): number {
    return (this.page - 1) * this.perPage;
  }
}

export interface Page<T> {
  data: T[];
  total: number;
}

/**
 * The ORDER BY column for `sort`, only from the given whitelist's own keys (never raw input in
 * SQL, never an inherited member such as `__proto__` or `toString`); anything else sorts by the
 * fallback.
 */
export function sortColumn(
  query: ListQueryDto,
  allowed: Readonly<Record<string, string>>,
  fallback: string,
): [string, 'ASC' | 'DESC'] {
  const column = ownValue(allowed, query.sort) ?? fallback;
  const order = (query.order ?? 'ASC').toUpperCase() === 'DESC' ? 'DESC' : 'ASC';
  return [column, order];
}
