import { randomBytes } from 'node:crypto';
import { InvalidError } from '@app/domain';
import { CHECKED_LENGTH, PasswordPolicy } from './password-policy';

describe(PasswordPolicy.name, () => {
  const policy = new PasswordPolicy();
  const refusal = (password: string, locale: 'ja' | 'en' = 'en', userInputs: string[] = []) => {
    try {
      policy.assertStrong(password, { locale, userInputs });
      return null;
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidError);
      return error as InvalidError;
    }
  };

  it.each([
    'aaaaaaaaaa',
    ' '.repeat(10),
    '\u0000'.repeat(10),
    'password123',
    'qwertyuiop',
    'iloveyou12',
    '1234567890',
    'abcdefghijkl',
  ])('refuses %j', (password) => {
    const error = refusal(password);
    expect(error?.code).toBe('WEAK_PASSWORD');
    expect(Object.keys(error?.errors ?? {})).toEqual(['password']);
  });

  it('refuses the account’s own e-mail or name', () => {
    expect(refusal('kumamoto.hanako', 'en', ['kumamoto.hanako@example.jp', 'Hanako Kumamoto'])).not.toBeNull();
    expect(refusal('kumamoto.hanako', 'en')).toBeNull();
  });

  it('gives zxcvbn’s advice in the account’s language', () => {
    expect(refusal('aaaaaaaaaa', 'ja')?.errors?.password[0]).toBe(
      'このパスワードは推測されやすいため使えません。"aaa"のような繰り返しの多い文字は推測されやすくなります。一般的ではない単語を増やしてください。単語や文字の繰り返しは避けてください。',
    );
    expect(refusal('aaaaaaaaaa', 'en')?.errors?.password[0]).toBe(
      'This password is too easy to guess. Repeated characters like "aaa" are easy to guess. Add more words that are less common. Avoid repeated words and characters.',
    );
  });

  it('takes passphrases and random passwords, judging their first characters only', () => {
    for (const password of [
      'tram-camellia-orbit-41',
      'correct horse battery staple',
      randomBytes(150).toString('base64').slice(0, 200),
    ]) {
      expect(refusal(password)).toBeNull();
    }
    expect(refusal('a'.repeat(CHECKED_LENGTH) + randomBytes(30).toString('base64'))).not.toBeNull();
  });
});
