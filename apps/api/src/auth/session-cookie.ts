import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { CookieOptions, Request, Response } from 'express';
import { AppConfig } from '../config/env.validation';
import { appBaseUrl } from '../mail/app-url';

/** The refresh token's cookie (panel sign-ins): sent only to the refresh and sign-out routes. */
export const REFRESH_COOKIE = 'dispatch_refresh';
export const REFRESH_COOKIE_PATH = '/api/auth';
/**
 * Beside it, readable by the panel's scripts and holding nothing secret: "a session cookie is
 * probably there", so a page load asks /api/auth/refresh only then (no 401 on every signed-out load).
 */
export const SIGNED_IN_COOKIE = 'dispatch_signed_in';

/**
 * How a sign-in's session is handed over. API clients get the refresh token in the JSON body (the
 * documented flow). The panel asks for `session: 'cookie'`: the refresh token then travels only in
 * an httpOnly, SameSite=Strict cookie scoped to /api/auth, out of reach of page scripts, and the
 * body carries the access token alone. A `persistent` session's cookie lives as long as the
 * refresh token (JWT_REFRESH_TTL_DAYS); otherwise it is a session cookie, gone when the browser closes.
 * SIGNED_IN_COOKIE (`1`, Path=/, not httpOnly) shares its lifetime. Secure whenever APP_URL is https.
 */
@Injectable()
export class SessionCookie {
  private readonly secure: boolean;
  private readonly maxAgeMs: number;

  constructor(config: ConfigService<AppConfig, true>) {
    this.secure = appBaseUrl(config).startsWith('https:');
    this.maxAgeMs = config.get('JWT_REFRESH_TTL_DAYS', { infer: true }) * 86_400_000;
  }

  /** The answer as the client gets it; in cookie mode the refresh token moves from the body to the cookie. */
  deliver<T extends { refreshToken?: string; persistent: boolean }>(
    res: Response,
    issued: T,
    useCookie: boolean,
  ): Omit<T, 'persistent'> {
    const { persistent, ...answer } = issued;
    if (!useCookie || !answer.refreshToken) return answer;
    const lifetime = persistent ? { maxAge: this.maxAgeMs } : {};
    res.cookie(REFRESH_COOKIE, answer.refreshToken, { ...this.options(), ...lifetime });
    res.cookie(SIGNED_IN_COOKIE, '1', { ...this.hintOptions(), ...lifetime });
    const { refreshToken: _sent, ...withoutToken } = answer;
    return withoutToken as Omit<T, 'persistent'>;
  }

  /** The refresh token the browser sent, if any. */
  read(req: Request): string | undefined {
    return readCookie(req.headers.cookie, REFRESH_COOKIE);
  }

  clear(res: Response): void {
    res.clearCookie(REFRESH_COOKIE, this.options());
    res.clearCookie(SIGNED_IN_COOKIE, this.hintOptions());
  }

  private options(): CookieOptions {
    return { httpOnly: true, sameSite: 'strict', secure: this.secure, path: REFRESH_COOKIE_PATH };
  }

  private hintOptions(): CookieOptions {
    return { httpOnly: false, sameSite: 'strict', secure: this.secure, path: '/' };
  }
}

/**
 * One cookie's value from a Cookie header (RFC 6265 §5.4: `name=value` pairs joined by `; `).
 * Our own cookie's value is base64url, so it needs no decoding; a malformed header yields undefined.
 */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const pair of header.split(';')) {
    const at = pair.indexOf('=');
    if (at < 0) continue;
    if (pair.slice(0, at).trim() !== name) continue;
    const value = pair
      .slice(at + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
    return value || undefined;
  }
  return undefined;
}
