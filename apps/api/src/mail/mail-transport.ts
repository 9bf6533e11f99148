import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import * as nodemailer from 'nodemailer';
import { Locale, MailAttachment } from '@app/domain';
import { AppConfig } from '../config/env.validation';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  locale: Locale;
  attachments: MailAttachment[] | null;
}

/**
 * The SMTP connection (nodemailer), from SMTP_URL, with short timeouts so a dead server costs
 * seconds, not minutes. Not configured without SMTP_URL: mail is then kept in the database.
 */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private readonly transporter: nodemailer.Transporter | null;
  readonly from: string;

  constructor(config: ConfigService<AppConfig, true>) {
    const url = config.get('SMTP_URL', { infer: true });
    const timeout = config.get('SMTP_TIMEOUT_MS', { infer: true });
    this.from = config.get('MAIL_FROM', { infer: true });
    this.transporter = url
      ? nodemailer.createTransport({
          url,
          connectionTimeout: timeout,
          greetingTimeout: timeout,
          socketTimeout: timeout * 2,
          dnsTimeout: timeout,
        })
      : null;
  }

  get configured(): boolean {
    return this.transporter !== null;
  }

  async send(mail: OutgoingMail): Promise<void> {
    if (!this.transporter) throw new Error('SMTP_URL is not set');
    await this.transporter.sendMail({
      from: this.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      headers: { 'Content-Language': mail.locale, 'Auto-Submitted': 'auto-generated' },
      attachments: (mail.attachments ?? []).map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        content: a.content,
        encoding: 'base64',
      })),
    });
  }

  /** Connects and greets the server (and authenticates, if the URL has credentials); throws when it cannot. */
  async verify(): Promise<void> {
    if (!this.transporter) throw new Error('SMTP_URL is not set');
    await this.transporter.verify();
  }

  onModuleDestroy(): void {
    this.transporter?.close();
  }
}
