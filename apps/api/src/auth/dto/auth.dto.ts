import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { LOCALES, Locale, ROLES, Role } from '@app/domain';
import { OptionalNotNull } from '../../common/validation.pipe';

export const SESSION_MODES = ['cookie'] as const;

/**
 * How the session of a sign-in is handed over (login, and the two-factor step that completes one).
 * Without `session` the token pair is in the JSON body. With `session: 'cookie'` (the panel) the
 * refresh token is set as an httpOnly, SameSite=Strict cookie on /api/auth and left out of the body;
 * `remember` makes that cookie outlive the browser (for the refresh-token lifetime).
 */
export class SessionModeDto {
  @ApiPropertyOptional({
    enum: SESSION_MODES,
    description:
      '`cookie`: the refresh token is set as an httpOnly, SameSite=Strict cookie (Path=/api/auth) instead of in the body',
  })
  @IsOptional()
  @IsIn(SESSION_MODES)
  session?: 'cookie';

  @ApiPropertyOptional({
    description: 'With `session: cookie`: keep the cookie across browser restarts («ログインしたままにする»)',
  })
  @IsOptional()
  @IsBoolean()
  remember?: boolean;
}

export class LoginDto extends SessionModeDto {
  @ApiProperty({ example: 'admin@example.jp' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @Length(1, 200)
  password: string;
}

/** The refresh token in the body (API clients), or none: then the cookie of a `session: 'cookie'` sign-in. */
export class RefreshDto {
  @ApiPropertyOptional({ description: 'Omitted: the refresh-token cookie of a cookie-mode sign-in is used' })
  @IsOptional()
  @IsString()
  @Length(20, 200)
  refreshToken?: string;
}

export class UserView {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: LOCALES }) locale: Locale;
  @ApiPropertyOptional({ type: String, nullable: true, description: "A coordinator's direct line" })
  phone?: string | null;
  @ApiPropertyOptional({ nullable: true }) hospitalId: string | null;
  @ApiPropertyOptional({ nullable: true }) volunteerId: string | null;
  @ApiProperty() active: boolean;
}

export class TokenPairView {
  @ApiProperty() accessToken: string;
  @ApiPropertyOptional({ description: 'Absent in cookie mode (`session: cookie`): the token is in the cookie' })
  refreshToken?: string;
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn: number;
  @ApiProperty({ type: UserView }) user: UserView;
}

/** What a signed-in user may change about themselves; anything else is refused with 400. */
export class UpdateMeDto extends PickType(UserView, ['displayName', 'locale'] as const) {
  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsString()
  @Length(1, 120)
  override displayName: string;

  @ApiPropertyOptional({ enum: LOCALES })
  @OptionalNotNull()
  @IsIn(LOCALES)
  override locale: Locale;
}
