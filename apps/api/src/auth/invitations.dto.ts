import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class AcceptInvitationDto {
  @ApiProperty({ minLength: 10, maxLength: 200 })
  @IsString()
  @Length(10, 200)
  password: string;
}

/** What the set-password page shows before the user chooses a password. */
export class InvitationView {
  @ApiProperty({ description: 'false when the link was already used or has expired' })
  valid: boolean;

  @ApiPropertyOptional({ enum: ['INVITATION_USED', 'INVITATION_EXPIRED'], description: 'Why the link is not valid' })
  code?: 'INVITATION_USED' | 'INVITATION_EXPIRED';

  @ApiPropertyOptional({ description: 'Only while valid' })
  email?: string;

  @ApiPropertyOptional({ description: 'Only while valid' })
  displayName?: string;

  @ApiProperty()
  expiresAt: Date;
}

/** A re-sent invitation: the new link works until then. */
export class InvitationSentView {
  @ApiProperty()
  expiresAt: Date;
}
