import { createHash } from 'node:crypto';

/** RFC 5322 `atext` plus dots: what a Message-ID's left part may hold without quoting. */
const ATEXT = /[^A-Za-z0-9!#$%&'*+\-/=?^_`{|}~.]/g;

/**
 * The Message-ID of the mail with this idempotency key: the same key always gives the same id,
 * so a mail delivered twice (a retry after a crash) is recognisably the same message. The key's
 * readable part is kept, plus a hash so keys differing only in stripped characters never collide.
 */
export function messageIdFor(idempotencyKey: string, domain: string): string {
  const readable = idempotencyKey
    .replace(ATEXT, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^\.|\.$/g, '')
    .slice(0, 120);
  const hash = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 16);
  return `<${readable ? `${readable}.` : ''}${hash}@${domain}>`;
}

/** The domain of the From address (`Name <no-reply@example.jp>` → `example.jp`). */
export function domainOf(from: string): string {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from.trim());
  return match ? match[1].toLowerCase() : 'localhost';
}
