import * as Joi from 'joi';

/**
 * Every setting the API reads, validated at start-up: a bad value stops the process with a
 * message naming the variable. Defaults are the ones of API.md "Start-up settings".
 */
export const envSchema = Joi.object({
  NODE_ENV: Joi.string().valid('development', 'production', 'test').default('development'),
  PORT: Joi.number().port().default(3000),
  DATABASE_URL: Joi.string()
    .uri({ scheme: ['postgres', 'postgresql'] })
    .required()
    .messages({ 'string.uriCustomScheme': 'DATABASE_URL must be a postgres:// URL' }),
  APP_URL: Joi.string().uri({ scheme: ['http', 'https'] }),
  SMTP_URL: Joi.string().uri({ scheme: ['smtp', 'smtps'] }),
  ADMIN_EMAIL: Joi.string().email({ tlds: false }).default('admin@example.jp'),
  ADMIN_PASSWORD: Joi.string()
    .min(10)
    .when('NODE_ENV', {
      is: 'production',
      then: Joi.required(),
      otherwise: Joi.string().default('admin-demo-2026'),
    }),
  SEED_DEMO: Joi.boolean().truthy('1').falsy('0').default(false),
  JWT_SECRET: Joi.string().min(32).when('NODE_ENV', { is: 'production', then: Joi.required() }),
  JWT_ACCESS_TTL_SECONDS: Joi.number().integer().min(30).max(3600).default(900),
  JWT_REFRESH_TTL_DAYS: Joi.number().integer().min(1).max(90).default(14),
  LOGIN_IP_LIMIT: Joi.number().integer().min(1).default(20),
  LOGIN_PAIR_LIMIT: Joi.number().integer().min(1).default(5),
  LOGIN_ACCOUNT_LIMIT: Joi.number().integer().min(1).default(20),
  LOGIN_ACCOUNT_WINDOW_SECONDS: Joi.number().integer().min(1).max(86400).default(3600),
  LOGIN_ACCOUNT_MAX_SPACING_SECONDS: Joi.number().integer().min(1).max(3600).default(60),
  LOGIN_WINDOW_SECONDS: Joi.number().integer().min(1).default(60),
  LOGIN_BLOCK_SECONDS: Joi.number().integer().min(1).max(900).default(60),
  /** Calls a minute one signed-in user may make (all their devices and addresses together). */
  USER_RATE_LIMIT: Joi.number().integer().min(1).default(1000),
  /** Calls a minute one client address may make to the routes that need no sign-in (mail links, refresh, calendar feeds). */
  ADDRESS_RATE_LIMIT: Joi.number().integer().min(1).default(300),
  /** Whether staff and admins must sign in with a second factor (TOTP); required in production unless set. */
  STAFF_2FA: Joi.string()
    .valid('required', 'optional')
    .when('NODE_ENV', {
      is: 'production',
      then: Joi.string().default('required'),
      otherwise: Joi.string().default('optional'),
    }),
  LOG_LEVEL: Joi.string().valid('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent').default('info'),
  /**
   * Express `trust proxy`: how many proxies (or which) sit in front, so the per-address throttles
   * (sign-in, password reset, 2FA, mail links) count clients and not the proxy. Authenticated
   * routes are counted per user and do not depend on it.
   */
  TRUST_PROXY: Joi.alternatives(
    Joi.number().integer().min(0).max(10),
    Joi.string().valid('loopback', 'linklocal', 'uniquelocal'),
  ).default(0),
  /** API processes on the port (node:cluster); read by main.ts: one per core in production, else 1. */
  WEB_CONCURRENCY: Joi.number().integer().min(1).max(64),
  /**
   * Seconds an API process keeps a signed-in caller's account in memory instead of reading it on each
   * call; a change to the account is heard at once (ActorCache). 0: read it on every call.
   */
  ACTOR_CACHE_SECONDS: Joi.number().integer().min(0).max(3600).default(60),
  JOBS_ENABLED: Joi.boolean().default(true),
  JOBS_TICK_MS: Joi.number().integer().min(50).max(600000).default(1000),
  JOBS_MAX_ATTEMPTS: Joi.number().integer().min(1).max(100).default(5),
  JOBS_RETRY_BASE_MS: Joi.number().integer().min(1).default(30000),
  MAIL_FROM: Joi.string().default('Kumamoto Interpreter Dispatch <no-reply@dispatch.example.jp>'),
  MAIL_RETRY_BASE_MS: Joi.number().integer().min(1).default(60000),
  MAIL_RETRY_MAX_MS: Joi.number().integer().min(1).default(900000),
  MAIL_LEASE_MS: Joi.number().integer().min(1000).default(120000),
  SMTP_TIMEOUT_MS: Joi.number().integer().min(100).max(60000).default(5000),
  INVITATION_TTL_HOURS: Joi.number()
    .integer()
    .min(1)
    .max(24 * 90)
    .default(168),
  PASSWORD_RESET_TTL_MINUTES: Joi.number().integer().min(5).max(1440).default(60),
  TIME_DISPUTE_MARGIN_MINUTES: Joi.number()
    .integer()
    .min(0)
    .max(24 * 60)
    .default(15),
  REPORT_REMINDER_AFTER_HOURS: Joi.number()
    .integer()
    .min(1)
    .max(24 * 30)
    .default(24),
  PATIENT_RETENTION_DAYS: Joi.number()
    .integer()
    .min(1)
    .max(366 * 10)
    .default(365),
  MAIL_RETENTION_DAYS: Joi.number()
    .integer()
    .min(1)
    .max(366 * 10)
    .default(90),
  JOBS_RETENTION_DAYS: Joi.number()
    .integer()
    .min(7)
    .max(366 * 10)
    .default(90),
  HEALTH_MAIL_LATE_MINUTES: Joi.number()
    .integer()
    .min(1)
    .max(7 * 24 * 60)
    .default(30),
  HEALTH_TIMERS_LATE_MINUTES: Joi.number()
    .integer()
    .min(1)
    .max(7 * 24 * 60)
    .default(5),
  /** The programme office as printed on invoices and statements (apps/api/src/documents/organisation.ts). */
  ORG_NAME: Joi.string().trim().max(200).default('公益財団法人 熊本市国際交流振興事業団'),
  ORG_PROGRAMME: Joi.string().trim().max(200).allow('').default('メディカルサポート熊本'),
  ORG_ADDRESS: Joi.string()
    .trim()
    .max(300)
    .allow('')
    .default('〒860-0806 熊本県熊本市中央区花畑町4-8 熊本市国際交流会館'),
  ORG_PHONE: Joi.string().trim().max(40).allow(''),
  /** 適格請求書発行事業者登録番号: T and 13 digits; unset → not printed. */
  ORG_INVOICE_NUMBER: Joi.string()
    .pattern(/^T\d{13}$/)
    .allow('')
    .messages({ 'string.pattern.base': 'ORG_INVOICE_NUMBER must be T followed by 13 digits' }),
  INVOICE_PAYMENT_NOTE: Joi.string()
    .trim()
    .max(300)
    .allow('')
    .default('お支払いは翌月末日までに、別途ご案内の口座へお振り込みください。'),
}).unknown(true);

export interface AppConfig {
  NODE_ENV: 'development' | 'production' | 'test';
  PORT: number;
  DATABASE_URL: string;
  APP_URL?: string;
  SMTP_URL?: string;
  ADMIN_EMAIL: string;
  ADMIN_PASSWORD: string;
  SEED_DEMO: boolean;
  JWT_SECRET?: string;
  JWT_ACCESS_TTL_SECONDS: number;
  JWT_REFRESH_TTL_DAYS: number;
  LOGIN_IP_LIMIT: number;
  LOGIN_PAIR_LIMIT: number;
  LOGIN_ACCOUNT_LIMIT: number;
  LOGIN_ACCOUNT_WINDOW_SECONDS: number;
  LOGIN_ACCOUNT_MAX_SPACING_SECONDS: number;
  LOGIN_WINDOW_SECONDS: number;
  LOGIN_BLOCK_SECONDS: number;
  USER_RATE_LIMIT: number;
  ADDRESS_RATE_LIMIT: number;
  STAFF_2FA: 'required' | 'optional';
  LOG_LEVEL: string;
  TRUST_PROXY: number | string;
  ACTOR_CACHE_SECONDS: number;
  JOBS_ENABLED: boolean;
  JOBS_TICK_MS: number;
  JOBS_MAX_ATTEMPTS: number;
  JOBS_RETRY_BASE_MS: number;
  MAIL_FROM: string;
  MAIL_RETRY_BASE_MS: number;
  MAIL_RETRY_MAX_MS: number;
  MAIL_LEASE_MS: number;
  SMTP_TIMEOUT_MS: number;
  INVITATION_TTL_HOURS: number;
  PASSWORD_RESET_TTL_MINUTES: number;
  TIME_DISPUTE_MARGIN_MINUTES: number;
  REPORT_REMINDER_AFTER_HOURS: number;
  PATIENT_RETENTION_DAYS: number;
  MAIL_RETENTION_DAYS: number;
  JOBS_RETENTION_DAYS: number;
  HEALTH_MAIL_LATE_MINUTES: number;
  HEALTH_TIMERS_LATE_MINUTES: number;
  ORG_NAME: string;
  ORG_PROGRAMME: string;
  ORG_ADDRESS: string;
  ORG_PHONE?: string;
  ORG_INVOICE_NUMBER?: string;
  INVOICE_PAYMENT_NOTE: string;
}
