import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { SessionModeDto, TokenPairView, UserView } from './dto/auth.dto';

/** A TOTP code (6 digits) or a recovery code (XXXX-XXXX-XXXX-XXXX); at sign-in, how to hand the session over. */
export class TwoFactorCodeDto extends SessionModeDto {
  @ApiProperty({ example: '123456' })
  @IsString()
  @Length(6, 40)
  code: string;

  @ApiPropertyOptional({ description: 'Enrolment at sign-in (`mfaSetupRequired`): the mfaToken instead of a session' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  mfaToken?: string;
}

export class TwoFactorSetupDto {
  @ApiPropertyOptional({ description: 'Enrolment at sign-in (`mfaSetupRequired`): the mfaToken instead of a session' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  mfaToken?: string;
}

export class TwoFactorVerifyDto extends SessionModeDto {
  @ApiProperty()
  @IsString()
  @MaxLength(2000)
  mfaToken: string;

  @ApiProperty({ example: '123456' })
  @IsString()
  @Length(6, 40)
  code: string;
}

/** A login that needs a second step: no session yet. */
export class MfaChallengeView {
  @ApiPropertyOptional({ description: 'The user has 2FA: send a code to POST /api/auth/2fa/verify' })
  mfaRequired?: true;
  @ApiPropertyOptional({
    description: 'STAFF_2FA=required and the user has no 2FA: enrol (setup, enable) with the mfaToken',
  })
  mfaSetupRequired?: true;
  @ApiProperty({ description: 'Short-lived; good only for the second step' }) mfaToken: string;
}

export class TwoFactorSetupView {
  @ApiProperty({ description: 'Base32 secret, for entering by hand' }) secret: string;
  @ApiProperty() otpauthUrl: string;
  @ApiProperty({ description: 'The otpauth URL as a QR code (PNG data URL)' }) qrDataUrl: string;
}

export class RecoveryCodesView {
  @ApiProperty({ type: [String], description: 'Ten single-use codes, shown this once' }) recoveryCodes: string[];
  @ApiPropertyOptional({ description: 'Enrolment at sign-in: the session' }) accessToken?: string;
  @ApiPropertyOptional() refreshToken?: string;
  @ApiPropertyOptional() expiresIn?: number;
  @ApiPropertyOptional({ type: UserView }) user?: UserView;
}

export class TwoFactorStatusView {
  @ApiProperty() enabled: boolean;
  @ApiProperty({ description: 'STAFF_2FA=required: it cannot be turned off' }) required: boolean;
  @ApiProperty() recoveryCodesLeft: number;
}

export type LoginView = TokenPairView | MfaChallengeView;
