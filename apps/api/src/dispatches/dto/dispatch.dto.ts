import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsUUID, IsISO8601, IsOptional, IsString, Length } from 'class-validator';
import { CANCELLING_PARTIES, CancellingParty, DISPATCH_STATUSES, DispatchStatus } from '@app/domain';
import { CancelDto } from '../../requests/dto/request.dto';
import { ListQueryDto } from '../../common/pagination.dto';

export class DispatchListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: DISPATCH_STATUSES })
  @IsOptional()
  @IsIn(DISPATCH_STATUSES)
  status?: DispatchStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601()
  from?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601()
  to?: string;

  @ApiPropertyOptional({ description: 'The dispatches of one request' })
  @IsOptional()
  @IsUUID()
  requestId?: string;
}

export class CancelDispatchDto extends CancelDto {
  @ApiPropertyOptional({
    enum: CANCELLING_PARTIES,
    description:
      'Whose side gives the visit up: `hospital` (a late one is charged) or `interpreter` (a dropout: the request looks for someone else). Default: `hospital` for a coordinator, `interpreter` for staff; always `interpreter` for the dispatched volunteer (who may not give another).',
  })
  @IsOptional()
  @IsIn(CANCELLING_PARTIES)
  party?: CancellingParty;
}

export class NoShowDto {
  @ApiProperty({ enum: ['patient', 'interpreter'] })
  @IsIn(['patient', 'interpreter'])
  party: 'patient' | 'interpreter';
}

export class CompleteDto {
  @ApiProperty({ example: '2026-12-08T10:05:00+09:00' })
  @IsISO8601({ strict: true })
  actualStart: string;

  @ApiProperty({ example: '2026-12-08T11:50:00+09:00' })
  @IsISO8601({ strict: true })
  actualEnd: string;
}

export class AssignDto {
  @ApiProperty()
  @IsUUID()
  volunteerId: string;

  @ApiPropertyOptional({ description: 'Required to assign someone a rule would exclude; recorded' })
  @IsOptional()
  @IsString()
  @Length(3, 500)
  overrideReason?: string;
}

/** A staff swap: `volunteerId` hands `dispatchId` on to `coverVolunteerId` and takes the request. */
export class SwapDto {
  @ApiProperty({ description: 'Takes the request once freed' })
  @IsUUID()
  volunteerId: string;

  @ApiProperty({ description: "The volunteer's confirmed dispatch to hand on" })
  @IsUUID()
  dispatchId: string;

  @ApiProperty({ description: 'Takes the handed-on dispatch over' })
  @IsUUID()
  coverVolunteerId: string;
}
