import { formatInstant } from './format';
import { greet, MailTemplate } from './layout';

export interface InvitationParams {
  displayName: string;
  linkUrl: string;
  expiresAt: string;
}

/** A new account: set your password through a single-use link. */
export const invitation: MailTemplate<InvitationParams> = {
  ja: (p) => ({
    subject: '【熊本 医療通訳】アカウントのご案内（パスワードの設定）',
    greeting: greet(p.displayName, 'ja'),
    paragraphs: [
      '熊本 医療通訳ボランティア派遣システムのアカウントが作成されました。',
      '下のリンクからパスワードを設定してください。リンクは一度だけ使えます。',
    ],
    details: [['リンクの有効期限', formatInstant(p.expiresAt, 'ja')]],
    action: { label: 'パスワードを設定する', url: p.linkUrl },
    closing: ['お心当たりのない場合は、このメールを破棄してください。'],
  }),
  en: (p) => ({
    subject: 'Kumamoto medical interpreting: your account (set your password)',
    greeting: greet(p.displayName, 'en'),
    paragraphs: [
      'An account has been created for you in the Kumamoto medical interpreter dispatch system.',
      'Please set your password through the link below. The link works once.',
    ],
    details: [['Link valid until', formatInstant(p.expiresAt, 'en')]],
    action: { label: 'Set your password', url: p.linkUrl },
    closing: ['If you did not expect this message, you can ignore it.'],
  }),
};
