import { Injectable } from '@nestjs/common';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import * as ja from '@zxcvbn-ts/language-ja';
import { InvalidError, Locale } from '@app/domain';

/**
 * zxcvbn's score, 0–4: 3 means "safely unguessable: moderate protection from an offline attack"
 * (about 10^8 guesses). Lower scores include every password on the common-passwords list.
 */
export const MIN_PASSWORD_SCORE = 3;

const TOO_WEAK: Record<Locale, string> = {
  ja: 'このパスワードは推測されやすいため使えません。',
  en: 'This password is too easy to guess.',
};
const GENERIC_SUGGESTION: Record<Locale, string> = {
  ja: '一般的でない単語をいくつか組み合わせた、長めのパスワードにしてください。',
  en: 'Choose a longer one, for example a few uncommon words together.',
};

/**
 * zxcvbn judges this many leading characters. Its time grows faster than the length (a random
 * 200-character password costs seconds of CPU on the event loop, 32 about a tenth of that), and
 * 32 characters are far past score 3 for anything that is not a pattern.
 */
export const CHECKED_LENGTH = 32;

const dictionary = { ...common.dictionary, ...en.dictionary, ...ja.dictionary };
const options = { dictionary, graphs: common.adjacencyGraphs, maxLength: CHECKED_LENGTH };
const estimators: Record<Locale, ZxcvbnFactory> = {
  ja: new ZxcvbnFactory({ ...options, translations: ja.translations }),
  en: new ZxcvbnFactory({ ...options, translations: en.translations }),
};

/**
 * The rule for every password a person sets (account creation, invitation, change): zxcvbn-ts's
 * estimate, which checks the common-passwords list (language-common), English and Japanese words
 * and names, repeats, sequences and keyboard patterns, and the account's own e-mail and name.
 */
@Injectable()
export class PasswordPolicy {
  /** Throws 422 `WEAK_PASSWORD` naming `field` (`password` unless told), with zxcvbn's feedback in `locale`. */
  assertStrong(
    password: string,
    {
      locale,
      userInputs = [],
      field = 'password',
    }: { locale: Locale; userInputs?: (string | null | undefined)[]; field?: string },
  ): void {
    const inputs = userInputs
      .filter((v): v is string => !!v)
      .flatMap((v) => [v, v.split('@')[0], ...v.split(/[@.\s_-]+/)]);
    const result = estimators[locale].check(password, inputs);
    if (result.score >= MIN_PASSWORD_SCORE) return;
    const { warning, suggestions } = result.feedback;
    const advice = [warning, ...(suggestions.length ? suggestions : [GENERIC_SUGGESTION[locale]])].filter(
      (s): s is string => !!s,
    );
    const message =
      locale === 'ja'
        ? [TOO_WEAK.ja, ...advice].map((s) => (/[。！？]$/.test(s) ? s : `${s}。`)).join('')
        : [TOO_WEAK.en, ...advice].join(' ');
    throw InvalidError.field(field, message, 'WEAK_PASSWORD');
  }
}
