import type { OfferClosedReason } from '@app/domain/model';
import { formatInstant } from './format';
import { greet, MailTemplate } from './layout';

/** Withdrawn (the model's reasons), or its time to answer passed. */
export type OfferWithdrawnReason = OfferClosedReason;

export interface OfferWithdrawnParams {
  volunteerName: string;
  startsAt: string;
  hospitalName: string;
  reason: OfferWithdrawnReason;
}

const REASONS: Record<OfferWithdrawnReason, { ja: string; en: string }> = {
  filled: { ja: '別の通訳者で確定しました。', en: 'Another interpreter has taken it.' },
  cancelled: { ja: '依頼が取り消されました。', en: 'The request has been cancelled.' },
  changed: { ja: '依頼の内容が変更されました。', en: 'The request has changed.' },
  expired: { ja: '回答期限が過ぎました。', en: 'The time to answer has passed.' },
};

/** An offer the volunteer can no longer accept. */
export const offerWithdrawn: MailTemplate<OfferWithdrawnParams> = {
  ja: (p) => ({
    subject: `【通訳依頼の取り下げ】${formatInstant(p.startsAt, 'ja')} ${p.hospitalName}`,
    greeting: greet(p.volunteerName, 'ja'),
    paragraphs: [
      `${formatInstant(p.startsAt, 'ja')}（${p.hospitalName}）の通訳依頼は取り下げられました。${REASONS[p.reason]?.ja ?? ''}`,
      'ご対応は不要です。ありがとうございました。',
    ],
  }),
  en: (p) => ({
    subject: `Interpreting request withdrawn: ${formatInstant(p.startsAt, 'en')}, ${p.hospitalName}`,
    greeting: greet(p.volunteerName, 'en'),
    paragraphs: [
      `The interpreting request for ${formatInstant(p.startsAt, 'en')} at ${p.hospitalName} has been withdrawn. ${REASONS[p.reason]?.en ?? ''}`.trim(),
      'There is nothing you need to do. Thank you.',
    ],
  }),
};
