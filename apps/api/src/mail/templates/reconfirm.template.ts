import { formatInstant } from './format';
import { greet, MailTemplate } from './layout';

export interface ReconfirmParams {
  volunteerName: string;
  startsAt: string;
  hospitalName: string;
  linkUrl: string;
  respondBy: string;
}

/** Asks the interpreter to confirm they will still come. */
export const reconfirm: MailTemplate<ReconfirmParams> = {
  ja: (p) => ({
    subject: `【再確認のお願い】${formatInstant(p.startsAt, 'ja')} ${p.hospitalName}`,
    greeting: greet(p.volunteerName, 'ja'),
    paragraphs: ['確定している医療通訳の予定について、引き続きお引き受けいただけるかご確認ください。'],
    details: [
      ['日時', formatInstant(p.startsAt, 'ja')],
      ['医療機関', p.hospitalName],
      ['回答期限', formatInstant(p.respondBy, 'ja')],
    ],
    action: { label: '予定を再確認する', url: p.linkUrl },
  }),
  en: (p) => ({
    subject: `Please reconfirm: ${formatInstant(p.startsAt, 'en')}, ${p.hospitalName}`,
    greeting: greet(p.volunteerName, 'en'),
    paragraphs: ['Please confirm that you can still do this medical interpreting assignment.'],
    details: [
      ['When', formatInstant(p.startsAt, 'en')],
      ['Hospital', p.hospitalName],
      ['Answer by', formatInstant(p.respondBy, 'en')],
    ],
    action: { label: 'Reconfirm', url: p.linkUrl },
  }),
};
