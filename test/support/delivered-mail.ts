import { MailLinks } from '../../apps/api/src/mail/mail-links';
import { TestApp } from './test-app';

type LinkPath = 'offer-links' | 'reconfirm-links' | 'set-password' | 'calendar/dispatches';

/** A stored mail, as an entity or a raw row. */
export type StoredMail = { textBody: string; idempotencyKey: string } | { text_body: string; idempotency_key: string };

/**
 * A stored mail's text as its addressee receives it: the outbox keeps a marker where a link's
 * token goes, and the token is made when the mail leaves (the same code the sender runs).
 */
export async function deliveredText(t: TestApp, mail: StoredMail): Promise<string> {
  const [text, idempotencyKey] =
    'textBody' in mail ? [mail.textBody, mail.idempotencyKey] : [mail.text_body, mail.idempotency_key];
  const [filled] = await t.app.get(MailLinks).fill(t.dataSource.manager, { idempotencyKey }, [text]);
  return filled;
}

/**
 * The token of the delivered mail's link (`offer-links/<token>`, `reconfirm-links/<token>`,
 * `set-password?token=<token>`, `calendar/dispatches/<token>.ics`).
 */
export async function deliveredToken(t: TestApp, mail: StoredMail, path: LinkPath): Promise<string> {
  const text = await deliveredText(t, mail);
  const pattern =
    path === 'set-password' ? /set-password\?token=([A-Za-z0-9_-]+)/ : new RegExp(`${path}/([A-Za-z0-9_-]+)`);
  const match = pattern.exec(text);
  if (!match) throw new Error(`No ${path} link in the delivered mail`);
  return match[1];
}
