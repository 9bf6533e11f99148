import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { JwtSecret } from './jwt-secret';

const VERSION = 'v1';

/**
 * Keeps TOTP secrets encrypted at rest: AES-256-GCM with a key derived (HKDF-SHA256) from the
 * signing key, JWT_SECRET. A database copy alone does not give anyone a user's codes. Production
 * requires JWT_SECRET, so secrets survive restarts there; without it (demo, development) the key is
 * per process and enrolled users sign in with a recovery code after a restart (or an admin resets).
 * Changing JWT_SECRET has the same effect on every enrolled user.
 */
@Injectable()
export class TwoFactorSecretBox {
  private readonly key: Buffer;

  constructor(secret: JwtSecret) {
    this.key = Buffer.from(hkdfSync('sha256', secret.value, 'kumamoto-dispatch', 'totp-secret-v1', 32));
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  /** The secret, or null when it was sealed with another key (JWT_SECRET changed). */
  open(sealed: string): string | null {
    const [version, payload] = sealed.split('.');
    if (version !== VERSION || !payload) return null;
    const raw = Buffer.from(payload, 'base64url');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }
}
