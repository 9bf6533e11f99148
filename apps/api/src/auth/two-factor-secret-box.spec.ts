import { TwoFactorSecretBox } from './two-factor-secret-box';
import { normaliseRecoveryCode } from './two-factor.service';

const boxWith = (key: string) => new TwoFactorSecretBox({ value: key });

describe(TwoFactorSecretBox.name, () => {
  const key = 'a-signing-key-that-is-long-enough-0123456789';

  it('opens what it sealed, with a fresh nonce each time and the secret nowhere in the text', () => {
    const box = boxWith(key);
    const a = box.seal('JBSWY3DPEHPK3PXP');
    const b = box.seal('JBSWY3DPEHPK3PXP');
    expect(a).not.toEqual(b);
    expect(a).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.open(a)).toBe('JBSWY3DPEHPK3PXP');
    expect(boxWith(key).open(b)).toBe('JBSWY3DPEHPK3PXP');
  });

  it('opens nothing sealed under another JWT_SECRET, altered, or in an unknown format', () => {
    const sealed = boxWith(key).seal('JBSWY3DPEHPK3PXP');
    expect(boxWith(`${key}-rotated`).open(sealed)).toBeNull();
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    raw[raw.length - 1] ^= 1;
    expect(boxWith(key).open(`v1.${raw.toString('base64url')}`)).toBeNull();
    expect(boxWith(key).open('JBSWY3DPEHPK3PXP')).toBeNull();
  });
});

describe(normaliseRecoveryCode.name, () => {
  it('reads a recovery code typed loosely: case, spaces, dashes, O for 0 and I or L for 1', () => {
    expect(normaliseRecoveryCode(' ab1o-Il00 zzzz-9999 ')).toBe('AB101100ZZZZ9999');
  });
});
