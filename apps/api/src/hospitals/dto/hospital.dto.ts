import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { KUMAMOTO_AREAS } from '@app/matching';
import { LOCALES, Locale } from '@app/domain';
import { ListQueryDto } from '../../common/pagination.dto';
import { OptionalNotNull } from '../../common/validation.pipe';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateHospitalDto {
  @ApiProperty({ example: '熊本中央病院' })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ example: '熊本市中央区水前寺1-1-1' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(300)
  address?: string;

  @ApiProperty({ enum: KUMAMOTO_AREAS, description: 'Ward or city of Kumamoto (used for travel times)' })
  @IsIn(KUMAMOTO_AREAS, { message: `area must be one of: ${KUMAMOTO_AREAS.join(', ')}` })
  area: string;

  @ApiPropertyOptional({ example: '096-000-0000', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string | null;

  @ApiPropertyOptional({ default: true })
  @OptionalNotNull()
  @IsBoolean()
  active?: boolean;
}

/** Every field may be left out; a null is refused except for `phone`, which it clears. */
export class UpdateHospitalDto extends PartialType(CreateHospitalDto, { skipNullProperties: false }) {}

export class HospitalListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ description: 'Part of the name or address' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: KUMAMOTO_AREAS })
  @IsOptional()
  @IsIn(KUMAMOTO_AREAS)
  area?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
}

/** A coordinator account for the hospital (staff register it with the hospital). */
export class CreateCoordinatorDto {
  @ApiProperty({ example: 'coordinator@hospital.example.jp' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: '地域連携室 田中' })
  @IsString()
  @Length(1, 120)
  displayName: string;

  @ApiPropertyOptional({ enum: LOCALES, default: 'ja' })
  @OptionalNotNull()
  @IsIn(LOCALES)
  locale?: Locale;

  @ApiPropertyOptional({ minLength: 10 })
  @IsOptional()
  @IsString()
  @Length(10, 200)
  password?: string;

  @ApiPropertyOptional({ description: 'Direct line, given to the confirmed interpreter', maxLength: 40 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 40)
  phone?: string;
}

export class CoordinatorView {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty() active: boolean;
}

export class HospitalView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() address: string;
  @ApiProperty() area: string;
  @ApiPropertyOptional({ nullable: true }) phone: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class HospitalDetailView extends HospitalView {
  @ApiProperty({ type: [CoordinatorView] }) coordinators: CoordinatorView[];
}
