import { formatInstant } from './format';
import { greet, MailTemplate } from './layout';

export interface RequestCancelledParams {
  recipientName: string;
  startsAt: string;
  hospitalName: string;
  reason: string;
}

/** A request (and any assignment for it) was cancelled. */
export const requestCancelled: MailTemplate<RequestCancelledParams> = {
  ja: (p) => ({
    subject: `【取消】${formatInstant(p.startsAt, 'ja')} ${p.hospitalName} の通訳`,
    greeting: greet(p.recipientName, 'ja'),
    paragraphs: [`${formatInstant(p.startsAt, 'ja')}（${p.hospitalName}）の医療通訳は取り消されました。`],
    details: [['理由', p.reason]],
  }),
  en: (p) => ({
    subject: `Cancelled: interpreting on ${formatInstant(p.startsAt, 'en')} at ${p.hospitalName}`,
    greeting: greet(p.recipientName, 'en'),
    paragraphs: [
      `The medical interpreting on ${formatInstant(p.startsAt, 'en')} at ${p.hospitalName} has been cancelled.`,
    ],
    details: [['Reason', p.reason]],
  }),
};
