import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { ListQueryDto } from '../../common/pagination.dto';

export class AuditListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ description: 'user id' })
  @IsOptional()
  @IsUUID()
  actor?: string;

  @ApiPropertyOptional({ example: 'patient.read' })
  @IsOptional()
  @IsString()
  @Length(1, 120)
  action?: string;

  @ApiPropertyOptional({ example: 'request' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  objectType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 64)
  objectId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601()
  from?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601()
  to?: string;
}

export class AuditView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorId!: string | null;
  @ApiProperty() actorRole!: string;
  @ApiProperty() action!: string;
  @ApiProperty({ type: String, nullable: true }) objectType!: string | null;
  @ApiProperty({ type: String, nullable: true }) objectId!: string | null;
  @ApiProperty({ type: String, nullable: true }) requestId!: string | null;
  @ApiProperty({ type: String, nullable: true }) ip!: string | null;
  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }], nullable: true },
  })
  details!: Record<string, string | number | boolean | null> | null;
}
