import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { MAIL_STATUSES, MailMessage, MailStatus } from '@app/domain';
import { ListQueryDto } from '../../common/pagination.dto';
import { TEMPLATE_NAMES, TemplateName } from '../templates';

export class MailListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: ['createdAt'], default: 'createdAt' })
  @IsOptional()
  @IsIn(['createdAt'])
  declare sort?: string;

  @ApiPropertyOptional({ enum: MAIL_STATUSES })
  @IsOptional()
  @IsIn(MAIL_STATUSES)
  status?: MailStatus;

  @ApiPropertyOptional({ description: 'Recipient address (exact, case-insensitive)' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  to?: string;

  @ApiPropertyOptional({ enum: TEMPLATE_NAMES })
  @IsOptional()
  @IsIn(TEMPLATE_NAMES)
  template?: TemplateName;

  @ApiPropertyOptional({ description: 'Only undelivered mail: failed, obsolete, or pending after a failed attempt' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' || value === true ? true : value === 'false' || value === false ? false : value,
  )
  @IsBoolean()
  undelivered?: boolean;
}

export class MailAttachmentView {
  @ApiProperty() filename: string;
  @ApiProperty() contentType: string;
  @ApiProperty({ description: 'Size in bytes' }) size: number;
}

/** A mail as staff see it in the panel (attachments without their content). */
export class MailView {
  @ApiProperty() id: string;
  @ApiProperty() to: string;
  @ApiProperty({ enum: ['ja', 'en'] }) locale: string;
  @ApiProperty({ enum: TEMPLATE_NAMES }) template: string;
  @ApiProperty() subject: string;
  @ApiProperty() textBody: string;
  @ApiProperty() htmlBody: string;
  @ApiProperty({
    enum: MAIL_STATUSES,
    description:
      'kept: written while no SMTP_URL was set; shown here, never sent. obsolete: its purpose passed (usefulUntil) before it could be delivered. failed: refused for good by the server',
  })
  status: MailStatus;
  @ApiProperty() attempts: number;
  @ApiProperty() nextAttemptAt: Date;
  @ApiProperty({ nullable: true, type: Date }) sentAt: Date | null;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty({ nullable: true, type: Date, description: 'After this an undelivered mail becomes obsolete' })
  usefulUntil: Date | null;
  @ApiProperty({
    nullable: true,
    type: Date,
    description: 'When the retention sweep erased its bodies and attachments',
  })
  purgedAt: Date | null;
  @ApiProperty() messageId: string;
  @ApiProperty({ nullable: true, type: String }) userId: string | null;
  @ApiProperty({ type: [MailAttachmentView] }) attachments: MailAttachmentView[];
  @ApiProperty() createdAt: Date;

  static of(m: MailMessage): MailView {
    return {
      id: m.id,
      to: m.toAddress,
      locale: m.locale,
      template: m.template,
      subject: m.subject,
      textBody: m.textBody,
      htmlBody: m.htmlBody,
      status: m.status,
      attempts: m.attempts,
      nextAttemptAt: m.nextAttemptAt,
      sentAt: m.sentAt,
      lastError: m.lastError,
      usefulUntil: m.usefulUntil,
      purgedAt: m.purgedAt,
      messageId: m.messageId,
      userId: m.userId,
      attachments: (m.attachments ?? []).map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        size: Buffer.from(a.content, 'base64').length,
      })),
      createdAt: m.createdAt,
    };
  }
}
