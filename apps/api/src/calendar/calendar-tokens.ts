import { Injectable } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { JwtSecret } from '../auth/jwt-secret';

/** A calendar token's shape: 32 bytes of HMAC in base64url. Anything else is no token of ours. */
export const CALENDAR_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The token of a volunteer's subscription address: HMAC of `feed:<volunteerId>:<generation>` under
 * a key derived from the signing key (JWT_SECRET). Only its hash is stored, yet the address can be
 * shown again whenever the volunteer looks (it is derived, not random); renewing bumps the
 * generation, so the old address stops working. A new JWT_SECRET makes new addresses too (the
 * stored hash no longer matches and is replaced the next time the volunteer looks).
 */
@Injectable()
export class CalendarTokens {
  private readonly key: Buffer;

  constructor(secret: JwtSecret) {
    this.key = createHmac('sha256', secret.value).update('calendar-feed-tokens/v1').digest();
  }

  feed(volunteerId: string, generation: number): string {
    return createHmac('sha256', this.key).update(`feed:${volunteerId}:${generation}`).digest('base64url');
  }
}
