import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, Length, MaxLength } from 'class-validator';
import { LOCALES, Locale, ROLES, Role } from '@app/domain';
import { OptionalNotNull } from '../../common/validation.pipe';

export class LoginDto {
  @ApiProperty({ example: 'admin@example.jp' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @Length(1, 200)
  password: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @Length(20, 200)
  refreshToken: string;
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
  @ApiProperty() refreshToken: string;
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
