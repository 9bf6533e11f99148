import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Locale, MailAttachment, MailMessage, roleSatisfies } from '@app/domain';
import { Clock } from '../common/clock';
import { Actor } from '../common/decorators/current-user.decorator';
import { Page } from '../common/pagination.dto';
import { MailListQueryDto, MailView } from './dto/mail.dto';
import { MailLinks } from './mail-links';
import { domainOf, messageIdFor } from './message-id';
import { MailTransport } from './mail-transport';
import { renderMail, TemplateName, TemplateParams } from './templates';

export interface EnqueueMail<N extends TemplateName = TemplateName> {
  to: string;
  locale: Locale;
  template: N;
  params: TemplateParams[N];
  /** One mail per key, ever: e.g. `offer:<offerId>`, `invitation:<invitationId>`. */
  idempotencyKey: string;
  attachments?: MailAttachment[];
  userId?: string;
}

/**
 * The outbox. `enqueue` renders the mail now and writes it in the caller's transaction; it never
 * talks to SMTP, so no request waits for a mail server. MailSender delivers it later.
 */
@Injectable()
export class MailService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transport: MailTransport,
    private readonly links: MailLinks,
    private readonly clock: Clock,
  ) {}

  /**
   * Renders and stores a mail in the caller's transaction. A second mail with the same
   * idempotency key is not written; returns whether this call wrote it. Without SMTP_URL the
   * mail is stored as `kept` (shown in the panel, never sent).
   */
  async enqueue<N extends TemplateName>(manager: EntityManager, input: EnqueueMail<N>): Promise<boolean> {
    if (!input.idempotencyKey || input.idempotencyKey.length > 200) throw new Error('A mail needs an idempotency key of at most 200 characters');
    if (!/^[^\s@<>]+@[^\s@<>]+$/.test(input.to)) throw new Error('A mail needs a plain e-mail address to send to');
    const rendered = renderMail(input.template, input.locale, input.params);
    const rows = (await manager.query(
      `INSERT INTO mail_messages (idempotency_key, to_address, locale, template, subject, text_body, html_body, attachments,
                                  status, next_attempt_at, message_id, user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12)
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING id`,
      [
        input.idempotencyKey,
        input.to,
        input.locale,
        input.template,
        rendered.subject,
        rendered.text,
        rendered.html,
        input.attachments?.length ? JSON.stringify(input.attachments) : null,
        this.transport.configured ? 'pending' : 'kept',
        this.clock.now().toISOString(),
        messageIdFor(input.idempotencyKey, domainOf(this.transport.from)),
        input.userId ?? null,
      ],
    )) as Array<{ id: string }>;
    return rows.length > 0;
  }

  /**
   * The outbox and the sent mail, newest first. Staff see everyone's mail with the links' tokens
   * hidden; everyone sees their own mail as it was delivered, links working (without SMTP_URL this
   * is how mail reaches its addressee).
   */
  async list(actor: Actor, query: MailListQueryDto): Promise<Page<MailView>> {
    const qb = this.dataSource.getRepository(MailMessage).createQueryBuilder('m');
    if (!roleSatisfies(actor.role, ['staff'])) qb.andWhere('m.user_id = :me', { me: actor.id });
    if (query.status) qb.andWhere('m.status = :status', { status: query.status });
    if (query.to) qb.andWhere('lower(m.to_address) = lower(:to)', { to: query.to.trim() });
    if (query.template) qb.andWhere('m.template = :template', { template: query.template });
    const order = (query.order ?? 'DESC').toUpperCase() === 'ASC' ? 'ASC' : 'DESC';
    const [rows, total] = await qb.orderBy('m.created_at', order).addOrderBy('m.id', order).skip(query.skip).take(query.perPage).getManyAndCount();
    const data = await Promise.all(rows.map((row) => this.view(actor, row)));
    return { data, total };
  }

  private async view(actor: Actor, mail: MailMessage): Promise<MailView> {
    if (mail.userId === actor.id) {
      const [textBody, htmlBody] = await this.links.fill(this.dataSource.manager, [mail.textBody, mail.htmlBody]);
      return MailView.of({ ...mail, textBody, htmlBody });
    }
    return MailView.of({ ...mail, textBody: this.links.redact(mail.textBody), htmlBody: this.links.redact(mail.htmlBody) });
  }
}
