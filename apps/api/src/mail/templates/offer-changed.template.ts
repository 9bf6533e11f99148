import { formatRange } from './format';
import { greet, MailTemplate } from './layout';

export interface OfferChangedParams {
  volunteerName: string;
  startsAt: string;
  endsAt: string;
  hospitalName: string;
  linkUrl: string;
}

/** A pending offer whose request changed: look again before answering. */
export const offerChanged: MailTemplate<OfferChangedParams> = {
  ja: (p) => ({
    subject: `【通訳依頼の変更】${formatRange(p.startsAt, p.endsAt, 'ja')} ${p.hospitalName}`,
    greeting: greet(p.volunteerName, 'ja'),
    paragraphs: ['お送りした通訳依頼の内容が変更されました。変更後の内容をご確認のうえ、ご回答ください。'],
    details: [
      ['日時', formatRange(p.startsAt, p.endsAt, 'ja')],
      ['医療機関', p.hospitalName],
    ],
    action: { label: '変更後の依頼を確認する', url: p.linkUrl },
  }),
  en: (p) => ({
    subject: `Interpreting request changed: ${formatRange(p.startsAt, p.endsAt, 'en')}, ${p.hospitalName}`,
    greeting: greet(p.volunteerName, 'en'),
    paragraphs: ['The interpreting request we sent you has changed. Please check it again before you answer.'],
    details: [
      ['When', formatRange(p.startsAt, p.endsAt, 'en')],
      ['Hospital', p.hospitalName],
    ],
    action: { label: 'See the changed request', url: p.linkUrl },
  }),
};
