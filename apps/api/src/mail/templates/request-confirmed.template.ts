import { formatInstant, languageName } from './format';
import { greet, MailTemplate } from './layout';

export interface RequestConfirmedParams {
  coordinatorName: string;
  requestRef: string;
  startsAt: string;
  language: string;
  volunteerName: string;
}

/** The hospital's request has an interpreter. */
export const requestConfirmed: MailTemplate<RequestConfirmedParams> = {
  ja: (p) => ({
    subject: `【通訳者決定】依頼 ${p.requestRef}（${formatInstant(p.startsAt, 'ja')}）`,
    greeting: greet(p.coordinatorName, 'ja'),
    paragraphs: ['ご依頼の医療通訳について、通訳者が決まりました。'],
    details: [
      ['依頼番号', p.requestRef],
      ['日時', formatInstant(p.startsAt, 'ja')],
      ['言語', languageName(p.language, 'ja')],
      ['通訳者', p.volunteerName],
    ],
  }),
  en: (p) => ({
    subject: `Interpreter confirmed: request ${p.requestRef} (${formatInstant(p.startsAt, 'en')})`,
    greeting: greet(p.coordinatorName, 'en'),
    paragraphs: ['An interpreter has been confirmed for your request.'],
    details: [
      ['Request', p.requestRef],
      ['When', formatInstant(p.startsAt, 'en')],
      ['Language', languageName(p.language, 'en')],
      ['Interpreter', p.volunteerName],
    ],
  }),
};
