import { MAIL_STATUSES, MAIL_TEMPLATE_NAMES, type MailStatus } from '@app/domain/model';

/** GET /api/mail rows (apps/api/src/mail/dto/mail.dto.ts MailView). */
export interface MailRecord {
  id: string;
  to: string;
  locale: string;
  template: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  status: MailStatus;
  attempts: number;
  nextAttemptAt: string;
  sentAt: string | null;
  lastError: string | null;
  /** After this an undelivered mail becomes obsolete (null: useful until delivered). */
  usefulUntil: string | null;
  /** When the retention sweep erased its body. */
  purgedAt: string | null;
  messageId: string;
  userId: string | null;
  attachments: Array<{ filename: string; contentType: string; size: number }>;
  createdAt: string;
}

export { MAIL_STATUSES };
export const MAIL_TEMPLATES = MAIL_TEMPLATE_NAMES;

export const MAIL_STATUS_COLOR: Record<MailRecord['status'], 'default' | 'info' | 'success' | 'error' | 'warning'> = {
  pending: 'info',
  sent: 'success',
  failed: 'error',
  obsolete: 'warning',
  kept: 'default',
};

/** Not delivered and worth a look: refused, obsolete, or still retrying after a failed attempt. */
export const isUndelivered = (mail: MailRecord): boolean =>
  mail.status === 'failed' || mail.status === 'obsolete' || (mail.status === 'pending' && mail.attempts > 0);
