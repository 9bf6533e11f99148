import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ConflictError, Locale, MailAttachment, MailMessage, NotFoundError } from '@app/domain';
import { Clock } from '../common/clock';
import { Actor } from '../common/decorators/current-user.decorator';
import { scopeList } from '../access/access';
import { Page } from '../common/pagination.dto';
import { MailListQueryDto, MailView } from './dto/mail.dto';
import { MailLinks } from './mail-links';
import { domainOf, messageIdFor } from './message-id';
import { MailTransport } from './mail-transport';
import { renderMail, TemplateName, TemplateParams } from './templates';
import { lockOne } from '../access/locks';
import { statementBatches, valuesList } from '../database/values-list';

export interface EnqueueMail<N extends TemplateName = TemplateName> {
  to: string;
  locale: Locale;
  template: N;
  params: TemplateParams[N];
  /** One mail per key, ever: e.g. `offer:<offerId>`, `invitation:<invitationId>`. */
  idempotencyKey: string;
  attachments?: MailAttachment[];
  userId?: string;
  /**
   * When the mail stops being useful (an offer's expiry, a visit's start, an invitation's
   * expiry…): if it is still undelivered then, it becomes `obsolete` and is never sent late.
   * Omitted: retried until delivered.
   */
  usefulUntil?: Date;
}

/** The casts of a mail row's values, in the INSERT's column order (`row`): `attachments` is jsonb. */
const MAIL_CASTS = ['', '', '', '', '', '', '', 'jsonb', '', '', '', '', ''] as const;

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
    return (await this.enqueueMany(manager, [input])).size > 0;
  }

  /**
   * `enqueue` for several mails in one statement (a wave's offers go to everyone it asks): every
   * mail is checked and rendered before anything is written. Returns the idempotency keys this
   * call wrote; a key already in the outbox, or given twice, is written once.
   */
  async enqueueMany(manager: EntityManager, inputs: readonly EnqueueMail[]): Promise<Set<string>> {
    const rows = inputs.map((input) => this.row(input));
    const written = new Set<string>();
    // A statement takes at most 65,535 parameters: a wave to thousands goes in a few.
    for (const batch of statementBatches(rows)) {
      const inserted = await manager.query<Array<{ idempotency_key: string }>>(
        `INSERT INTO mail_messages (idempotency_key, to_address, locale, template, subject, text_body, html_body, attachments,
                                    status, next_attempt_at, message_id, user_id, useful_until)
         VALUES ${valuesList(batch.length, MAIL_CASTS)}
         ON CONFLICT (idempotency_key) DO NOTHING
         RETURNING idempotency_key`,
        batch.flat(),
      );
      for (const r of inserted) written.add(r.idempotency_key);
    }
    return written;
  }

  /** One mail's column values, in the INSERT's order; throws on a mail that cannot be sent. */
  private row(input: EnqueueMail): (string | null)[] {
    if (!input.idempotencyKey || input.idempotencyKey.length > 200)
      throw new Error('A mail needs an idempotency key of at most 200 characters');
    if (!/^[^\s@<>]+@[^\s@<>]+$/.test(input.to)) throw new Error('A mail needs a plain e-mail address to send to');
    const rendered = renderMail(input.template, input.locale, input.params);
    return [
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
      input.usefulUntil?.toISOString() ?? null,
    ];
  }

  /**
   * The outbox and the sent mail, newest first. Staff see everyone's mail with the links' tokens
   * hidden; everyone sees their own mail as it was delivered, links working (without SMTP_URL this
   * is how mail reaches its addressee).
   */
  async list(actor: Actor, query: MailListQueryDto): Promise<Page<MailView>> {
    // Staff see all of it; everyone else their own.
    const qb = scopeList(this.dataSource.getRepository(MailMessage).createQueryBuilder('m'), actor, {
      user: 'm.user_id',
    });
    if (query.status) qb.andWhere('m.status = :status', { status: query.status });
    if (query.undelivered)
      qb.andWhere(`(m.status IN ('failed', 'obsolete') OR m.status = 'pending' AND m.attempts > 0)`);
    if (query.to) qb.andWhere('lower(m.to_address) = lower(:to)', { to: query.to.trim() });
    if (query.template) qb.andWhere('m.template = :template', { template: query.template });
    const order = (query.order ?? 'DESC').toUpperCase() === 'ASC' ? 'ASC' : 'DESC';
    const [rows, total] = await qb
      .orderBy('m.created_at', order)
      .addOrderBy('m.id', order)
      .skip(query.skip)
      .take(query.perPage)
      .getManyAndCount();
    const data = await Promise.all(rows.map((row) => this.view(actor, row)));
    return { data, total };
  }

  private async view(actor: Actor, mail: MailMessage): Promise<MailView> {
    if (mail.userId === actor.id) {
      const [textBody, htmlBody] = await this.links.fill(this.dataSource.manager, mail, [mail.textBody, mail.htmlBody]);
      return MailView.of({ ...mail, textBody, htmlBody });
    }
    return this.redacted(mail);
  }

  /** Someone else's mail: its link's token hidden. */
  private redacted(mail: MailMessage): MailView {
    return MailView.of({
      ...mail,
      textBody: this.links.redact(mail.textBody),
      htmlBody: this.links.redact(mail.htmlBody),
    });
  }

  /**
   * Puts an undelivered mail (pending, failed or obsolete) back in the outbox, due now and with no
   * end to its usefulness: staff decided it should go. Same row, same Message-ID. Sent mail is not
   * sent twice, and kept mail (no SMTP_URL) cannot be sent.
   */
  async resend(id: string): Promise<MailView> {
    if (!this.transport.configured)
      throw new ConflictError('MAIL_NOT_CONFIGURED', 'No SMTP_URL is set: mail is kept, not sent');
    return this.dataSource.transaction(async (manager) => {
      const mail = await lockOne(manager, MailMessage, { id });
      if (!mail) throw new NotFoundError('Mail');
      if (!['pending', 'failed', 'obsolete'].includes(mail.status))
        throw new ConflictError(
          'MAIL_NOT_UNDELIVERED',
          `This mail is ${mail.status}; only undelivered mail can be re-sent`,
        );
      if (mail.purgedAt) throw new ConflictError('MAIL_PURGED', 'This mail was erased by the retention sweep');
      await manager.update(
        MailMessage,
        { id },
        { status: 'pending', nextAttemptAt: this.clock.now(), usefulUntil: null },
      );
      return this.redacted(await manager.findOneOrFail(MailMessage, { where: { id } }));
    });
  }
}
