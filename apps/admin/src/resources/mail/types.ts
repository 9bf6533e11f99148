/** GET /api/mail rows (apps/api/src/mail/dto/mail.dto.ts MailView). */
export interface MailRecord {
  id: string;
  to: string;
  locale: string;
  template: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  status: 'pending' | 'sent' | 'failed' | 'kept';
  attempts: number;
  nextAttemptAt: string;
  sentAt: string | null;
  lastError: string | null;
  messageId: string;
  userId: string | null;
  attachments: Array<{ filename: string; contentType: string; size: number }>;
  createdAt: string;
}

export const MAIL_STATUSES = ['pending', 'sent', 'failed', 'kept'] as const;
export const MAIL_TEMPLATES = [
  'invitation',
  'offer',
  'offer_withdrawn',
  'offer_changed',
  'dispatch_confirmed',
  'dispatch_cancelled',
  'request_confirmed',
  'request_escalated',
  'request_cancelled',
  'reminder',
  'reconfirm',
  'report_reminder',
] as const;

export const MAIL_STATUS_COLOR: Record<MailRecord['status'], 'default' | 'info' | 'success' | 'error'> = {
  pending: 'info',
  sent: 'success',
  failed: 'error',
  kept: 'default',
};
