import { ExecutionContext, SetMetadata } from '@nestjs/common';
import { ThrottlerOptions } from '@nestjs/throttler';
import { AppConfig } from '../config/env.validation';

const LOGIN_KEY = 'login-throttled';

/** Marks the routes counted by the login throttles (per IP and per account). */
export const LoginThrottled = () => SetMetadata(LOGIN_KEY, true);

const notLogin = (context: ExecutionContext) => !Reflect.getMetadata(LOGIN_KEY, context.getHandler());

/**
 * Throttles of @nestjs/throttler: a generous default for every route, and on login one per IP
 * and one per account (the e-mail tried). The account block lasts LOGIN_BLOCK_SECONDS (a
 * minute by default), so a stranger guessing can hold a real user back only briefly.
 */
export function throttlers(config: Pick<AppConfig, 'LOGIN_IP_LIMIT' | 'LOGIN_ACCOUNT_LIMIT' | 'LOGIN_WINDOW_SECONDS' | 'LOGIN_BLOCK_SECONDS'>): ThrottlerOptions[] {
  const ttl = config.LOGIN_WINDOW_SECONDS * 1000;
  const blockDuration = config.LOGIN_BLOCK_SECONDS * 1000;
  return [
    { name: 'default', ttl: 60_000, limit: 1000 },
    { name: 'login-ip', ttl, limit: config.LOGIN_IP_LIMIT, blockDuration, skipIf: notLogin },
    {
      name: 'login-account',
      ttl,
      limit: config.LOGIN_ACCOUNT_LIMIT,
      blockDuration,
      skipIf: notLogin,
      getTracker: (req: Record<string, any>) => `account:${String(req.body?.email ?? '').trim().toLowerCase()}`,
    },
  ];
}
