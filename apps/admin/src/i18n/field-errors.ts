import type { FieldErrorCode } from '@app/domain/model';

/**
 * The API's field codes (`fieldErrors[].code`, libs/domain/src/model/field-errors.ts) worded for
 * the form under the field, as `app.errors.fields.<CODE>`: every code has its words in both.
 */
export const fieldErrorWordsJa: Record<FieldErrorCode, string> = {
  REQUIRED: '入力してください',
  NOT_NULL: '空にはできません',
  UNKNOWN_FIELD: 'この項目は送れません',
  WRONG_TYPE: '値の種類が正しくありません',
  INTEGER: '整数で入力してください',
  FORMAT: '形式が正しくありません',
  EMAIL: 'メールアドレスの形式ではありません',
  ONE_OF: '選べる値のどれかにしてください',
  LENGTH: '文字数（または個数）が範囲外です',
  TOO_LONG: '長すぎます',
  TOO_SMALL: '小さすぎます',
  TOO_LARGE: '大きすぎます',
  DATE: '日付の形式が正しくありません',
  LANGUAGE_CODE: '言語コードが正しくありません',
  INVALID: '値が正しくありません',
};

export const fieldErrorWordsEn: Record<FieldErrorCode, string> = {
  REQUIRED: 'Required',
  NOT_NULL: 'Cannot be empty',
  UNKNOWN_FIELD: 'This field cannot be sent',
  WRONG_TYPE: 'Wrong kind of value',
  INTEGER: 'Enter a whole number',
  FORMAT: 'Not in the expected format',
  EMAIL: 'Not an e-mail address',
  ONE_OF: 'Choose one of the allowed values',
  LENGTH: 'Too short or too long',
  TOO_LONG: 'Too long',
  TOO_SMALL: 'Too small',
  TOO_LARGE: 'Too large',
  DATE: 'Not a valid date',
  LANGUAGE_CODE: 'Not a language code',
  INVALID: 'Not valid',
};
