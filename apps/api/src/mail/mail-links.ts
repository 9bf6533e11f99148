import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createHmac } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { JwtSecret } from '../auth/jwt-secret';
import { hashToken } from '../common/token-hash';
import { AppConfig } from '../config/env.validation';
import { appBaseUrl } from './app-url';

/**
 * The links a mail can carry; each kind's token hash lives on its own row. `calendar` is the
 * confirmation's 「予定表に追加する」: the dispatch's .ics, opened without signing in.
 */
export const LINK_KINDS = ['offer', 'reconfirm', 'invitation', 'calendar', 'reset'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

const OWNER: Record<LinkKind, { table: string; column: string }> = {
  offer: { table: 'offers', column: 'link_token_hash' },
  reconfirm: { table: 'dispatches', column: 'reconfirm_token_hash' },
  invitation: { table: 'user_invitations', column: 'token_hash' },
  calendar: { table: 'dispatches', column: 'calendar_token_hash' },
  reset: { table: 'password_resets', column: 'token_hash' },
};

const PATH: Record<LinkKind, (token: string) => string> = {
  offer: (token) => `/admin/#/offer-links/${token}`,
  reconfirm: (token) => `/admin/#/reconfirm-links/${token}`,
  invitation: (token) => `/admin/#/set-password?token=${token}`,
  calendar: (token) => `/api/calendar/dispatches/${token}.ics`,
  reset: (token) => `/admin/#/reset-password?token=${token}`,
};

/** Where a token goes in a stored mail: URL-safe, never a base64url token (`~` is not in that alphabet). */
const MARKER =
  /lnk~(offer|reconfirm|invitation|calendar|reset)~([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})~/g;
const marker = (kind: LinkKind, id: string) => `lnk~${kind}~${id}~`;
const OWN_LINK =
  /^(offer|reconfirm|invitation|dispatch-confirmed|reset|visit-moved):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?::(\d+))?$/;

/** The mail whose idempotency key starts so carries that kind of link (a confirmation: its calendar link). */
const KIND_OF_MAIL: Record<string, LinkKind> = {
  offer: 'offer',
  reconfirm: 'reconfirm',
  invitation: 'invitation',
  'dispatch-confirmed': 'calendar',
  reset: 'reset',
  // A moved visit asks the interpreter again: `visit-moved:<dispatchId>:<new start, ms>`.
  'visit-moved': 'reconfirm',
};

/** The link a mail exists to carry, from its idempotency key; null for mail without one. */
function ownLink(idempotencyKey: string): { kind: LinkKind; id: string; at: number | null } | null {
  const match = OWN_LINK.exec(idempotencyKey);
  return match ? { kind: KIND_OF_MAIL[match[1]], id: match[2], at: match[3] ? Number(match[3]) : null } : null;
}

/** The length of an HMAC-SHA256 in base64url: a reconfirmation token's part that finds its row. */
const RECONFIRM_LOOKUP_LENGTH = 43;

/** What staff see instead of a token in someone else's mail. */
export const REDACTED_TOKEN = '••••••••';

/**
 * Links with live tokens never rest in the outbox. A mail is stored with a marker where the token
 * goes (`lnk~offer~<offerId>~`); the token is made when the mail leaves — by the sender just before
 * SMTP, or when the addressee reads their own kept mail — and only its hash is written, on the row
 * the link acts on. So neither the mail viewer nor a database backup holds a working link.
 *
 * The token is an HMAC of the link's kind and row under the signing key (JWT_SECRET): a mail sent
 * twice (a crash between SMTP and "sent") carries the same link, as it carries the same Message-ID.
 * Without JWT_SECRET the key is per process, so after a restart the next delivery makes a new token
 * and links mailed before it stop working (the demo only; production requires JWT_SECRET).
 */
@Injectable()
export class MailLinks {
  private readonly baseUrl: string;
  private readonly key: Buffer;

  constructor(config: ConfigService<AppConfig, true>, secret: JwtSecret) {
    this.baseUrl = appBaseUrl(config);
    this.key = createHmac('sha256', secret.value).update('mail-link-tokens/v1').digest();
  }

  /** The link to put in a mail's parameters: the public URL with the marker where the token goes. */
  url(kind: LinkKind, id: string): string {
    return `${this.baseUrl}${PATH[kind](marker(kind, id))}`;
  }

  /** A page of the panel (behind sign-in; no token): `panel('/dispatches/<id>/show')`. */
  panel(path: string): string {
    return `${this.baseUrl}/admin/#${path}`;
  }

  /**
   * The mail's texts as they leave: the marker of the mail's own link (the one its idempotency key
   * names: `offer:<id>`, `reconfirm:<dispatchId>`, `invitation:<id>`, `reset:<id>`, and the calendar
   * link of `dispatch-confirmed:<dispatchId>`) replaced by its live token,
   * whose hash is written on its row (the same token every time under the same key, so this is
   * idempotent). Any other marker is hidden: text a user controls (a display name) could carry
   * one naming someone else's row, and a mail only ever opens its own link.
   */
  async fill(manager: EntityManager, mail: { idempotencyKey: string }, texts: string[]): Promise<string[]> {
    const own = ownLink(mail.idempotencyKey);
    if (!own) return texts.map((text) => this.redact(text));
    const ownMarker = marker(own.kind, own.id);
    if (!texts.some((text) => text.includes(ownMarker))) return texts.map((text) => this.redact(text));
    let token = this.token(own.kind, own.id);
    const { table, column } = OWNER[own.kind];
    await manager.query(`UPDATE ${table} SET ${column} = $2 WHERE id = $1 AND ${column} IS DISTINCT FROM $2`, [
      own.id,
      hashToken(token),
    ]);
    if (own.kind === 'reconfirm') {
      // Bound to the visit's start the mail was written for (a moved visit's mail names it in its key).
      const [row] = await manager.query<{ starts_at: Date }[]>(`SELECT starts_at FROM dispatches WHERE id = $1`, [
        own.id,
      ]);
      const startsAt = own.at ?? (row ? new Date(row.starts_at).getTime() : 0);
      token += this.reconfirmSignature(own.id, startsAt);
    }
    return texts.map((text) => text.replace(MARKER, (found) => (found === ownMarker ? token : REDACTED_TOKEN)));
  }

  /** The text as someone other than the addressee may see it: the link's shape, no token. */
  redact(text: string): string {
    return text.replace(MARKER, REDACTED_TOKEN);
  }

  /**
   * A reconfirmation link says "I will be there at <start>": its token is the dispatch's own token
   * (whose hash finds the row) followed by a signature of the start it was mailed for, so a link
   * mailed before the visit moved never confirms the new time. Returns the part whose hash is
   * stored, and whether the link is for `startsAt`. (A link from before this binding carries no
   * signature: it stands only for a dispatch that has never moved.)
   */
  reconfirmToken(token: string): {
    lookup: string;
    isFor: (dispatch: { id: string; startsAt: Date; rescheduledFrom: Date | null }) => boolean;
  } {
    const lookup = token.slice(0, RECONFIRM_LOOKUP_LENGTH);
    const signature = token.slice(RECONFIRM_LOOKUP_LENGTH);
    return {
      lookup,
      isFor: (dispatch) =>
        signature === ''
          ? dispatch.rescheduledFrom === null
          : signature === this.reconfirmSignature(dispatch.id, dispatch.startsAt.getTime()),
    };
  }

  private reconfirmSignature(id: string, startsAtMs: number): string {
    return createHmac('sha256', this.key).update(`reconfirm-at:${id}:${startsAtMs}`).digest('base64url').slice(0, 22);
  }

  private token(kind: LinkKind, id: string): string {
    return createHmac('sha256', this.key).update(`${kind}:${id}`).digest('base64url');
  }
}
