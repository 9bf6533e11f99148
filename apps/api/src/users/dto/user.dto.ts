import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { LOCALES, Locale, ROLES, Role } from '@app/domain';
import { ListQueryDto } from '../../common/pagination.dto';
import { OptionalNotNull } from '../../common/validation.pipe';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const lower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class CreateUserDto {
  @ApiProperty({ example: 'coordinator@hospital.example.jp' })
  @Transform(lower)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiProperty({ example: '熊本 花子' })
  @IsString()
  @Length(1, 120)
  displayName: string;

  @ApiPropertyOptional({ enum: LOCALES, default: 'ja' })
  @OptionalNotNull()
  @IsIn(LOCALES)
  locale?: Locale;

  @ApiPropertyOptional({ minLength: 10, description: 'Without it the user is invited by e-mail to set one' })
  @IsOptional()
  @IsString()
  @Length(10, 200)
  password?: string;

  @ApiPropertyOptional({
    description: "A coordinator's direct line, given to the confirmed interpreter",
    example: '096-000-0000',
    maxLength: 40,
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 40)
  phone?: string | null;

  @ApiPropertyOptional({ description: 'Required for a coordinator' })
  @IsOptional()
  @IsUUID()
  hospitalId?: string | null;

  @ApiPropertyOptional({ description: 'Required for a volunteer account' })
  @IsOptional()
  @IsUUID()
  volunteerId?: string | null;
}

/** Every field may be left out; a null is refused where the account needs a value (role, name, locale, active). */
export class UpdateUserDto extends PartialType(
  PickType(CreateUserDto, ['role', 'displayName', 'locale', 'phone', 'hospitalId', 'volunteerId'] as const),
  { skipNullProperties: false },
) {
  @ApiPropertyOptional({ description: 'false ends every session of the user at once' })
  @OptionalNotNull()
  @IsBoolean()
  active?: boolean;
}

export class UserListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ description: 'Part of the e-mail or name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
