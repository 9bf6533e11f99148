import { Writable } from 'node:stream';
import pino from 'pino';
import { loggerParams, maskUrl } from './logger';

/** A pino logger with the app's redaction and serializers, writing into an array. */
function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const options = loggerParams('info', false).pinoHttp as pino.LoggerOptions;
  const logger = pino({ level: 'info', redact: options.redact, serializers: options.serializers }, stream);
  return { logger, text: () => lines.join('') };
}

describe('loggerParams', () => {
  it('redacts credentials, tokens and patient fields wherever they appear', () => {
    const { logger, text } = capture();
    logger.info({
      req: {
        id: 'r1',
        method: 'POST',
        url: '/api/auth/login',
        headers: { authorization: 'Bearer secret-access-token' },
      },
      body: { email: 'a@example.jp', password: 'hunter2-password', refreshToken: 'secret-refresh' },
      request: { patient: { displayName: 'グエン 患者', ageBand: 'adult' } },
    });
    const out = text();
    expect(out).not.toContain('hunter2-password');
    expect(out).not.toContain('secret-refresh');
    expect(out).not.toContain('グエン 患者');
    expect(out).toContain('[redacted]');
  });

  it('logs only the id, method and masked url of a request, never its headers', () => {
    const { logger, text } = capture();
    logger.info({
      req: {
        id: 'r2',
        method: 'GET',
        url: '/api/offer-links/abc.def.ghi',
        headers: { authorization: 'Bearer x-token-x' },
      },
    });
    const out = JSON.parse(text());
    expect(out.req).toEqual({ id: 'r2', method: 'GET', url: '/api/offer-links/***' });
  });
});

describe('maskUrl', () => {
  it('masks secrets that travel in paths and query strings', () => {
    expect(maskUrl('/api/offer-links/tok123/accept')).toBe('/api/offer-links/***/accept');
    expect(maskUrl('/api/auth/invitations/abc?x=1')).toBe('/api/auth/invitations/***?x=1');
    expect(maskUrl('/admin/set-password?token=abc&lang=ja')).toBe('/admin/set-password?token=***&lang=ja');
    expect(maskUrl('/api/auth/password-reset/abc')).toBe('/api/auth/password-reset/***');
    expect(maskUrl('/api/auth/password-reset')).toBe('/api/auth/password-reset');
    expect(maskUrl('/api/requests?page=2')).toBe('/api/requests?page=2');
    expect(maskUrl('/api/calendar/dispatches/AbC_-123.ics')).toBe('/api/calendar/dispatches/***');
    expect(maskUrl('/api/calendar/feeds/AbC_-123.ics?x=1')).toBe('/api/calendar/feeds/***?x=1');
  });
});
