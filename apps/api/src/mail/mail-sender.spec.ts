import { isPermanentRefusal } from './mail-sender';

/** Errors shaped as nodemailer's SMTP connection reports them (code, command, responseCode). */
const smtpError = (code: string, command: string | undefined, responseCode?: number) =>
  Object.assign(new Error('smtp'), { code, command, responseCode });

describe('isPermanentRefusal', () => {
  it('gives up only on a 5xx to the recipient or to the message', () => {
    expect(isPermanentRefusal(smtpError('EENVELOPE', 'RCPT TO', 550))).toBe(true);
    expect(isPermanentRefusal(smtpError('EENVELOPE', 'RCPT TO', 553))).toBe(true);
    expect(isPermanentRefusal(smtpError('EMESSAGE', 'DATA', 554))).toBe(true);
    expect(isPermanentRefusal(smtpError('EMESSAGE', undefined, 552))).toBe(true);
  });

  it('retries outages, temporary refusals and refusals of the session (they are mended, not the mail)', () => {
    expect(
      isPermanentRefusal(
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:25'), { code: 'ECONNECTION', errno: -111 }),
      ),
    ).toBe(false);
    expect(isPermanentRefusal(smtpError('ETIMEDOUT', 'CONN'))).toBe(false);
    expect(isPermanentRefusal(smtpError('EENVELOPE', 'RCPT TO', 450))).toBe(false);
    expect(isPermanentRefusal(smtpError('EENVELOPE', 'RCPT TO', 421))).toBe(false);
    expect(isPermanentRefusal(smtpError('EAUTH', 'AUTH PLAIN', 535))).toBe(false);
    expect(isPermanentRefusal(smtpError('EENVELOPE', 'MAIL FROM', 550))).toBe(false);
    expect(isPermanentRefusal(smtpError('EPROTOCOL', undefined, 554))).toBe(false);
    expect(isPermanentRefusal('a string')).toBe(false);
    expect(isPermanentRefusal(null)).toBe(false);
  });
});
