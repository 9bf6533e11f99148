import { ApiPropertyOptional } from '@nestjs/swagger';
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

export interface AuditView {
  id: string;
  at: string;
  actorId: string | null;
  actorRole: string;
  action: string;
  objectType: string | null;
  objectId: string | null;
  requestId: string | null;
  ip: string | null;
  details: Record<string, string | number | boolean | null> | null;
}
