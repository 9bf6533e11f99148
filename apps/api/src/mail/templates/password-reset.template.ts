import { formatInstant } from './format';
import { greet, MailTemplate } from './layout';

export interface PasswordResetParams {
  displayName: string;
  linkUrl: string;
  expiresAt: string;
}

/** A forgotten password: choose a new one through a single-use link. */
export const passwordReset: MailTemplate<PasswordResetParams> = {
  ja: (p) => ({
    subject: '【熊本 医療通訳】パスワードの再設定',
    greeting: greet(p.displayName, 'ja'),
    paragraphs: [
      'パスワードの再設定を受け付けました。',
      '下のリンクから新しいパスワードを設定してください。リンクは一度だけ使えます。設定すると、ほかの端末ではサインインし直しになります。',
    ],
    details: [['リンクの有効期限', formatInstant(p.expiresAt, 'ja')]],
    action: { label: '新しいパスワードを設定する', url: p.linkUrl },
    closing: ['お心当たりのない場合は、このメールを破棄してください。パスワードは変わりません。'],
  }),
  en: (p) => ({
    subject: 'Kumamoto medical interpreting: reset your password',
    greeting: greet(p.displayName, 'en'),
    paragraphs: [
      'We received a request to reset your password.',
      'Please choose a new password through the link below. The link works once. Once it is set, your other devices will need to sign in again.',
    ],
    details: [['Link valid until', formatInstant(p.expiresAt, 'en')]],
    action: { label: 'Choose a new password', url: p.linkUrl },
    closing: ['If you did not ask for this, you can ignore this message: your password stays as it is.'],
  }),
};
