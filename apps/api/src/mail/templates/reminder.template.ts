import { formatRange } from './format';
import { greet, MailTemplate } from './layout';
import { MailVisitDetails, visitDetailRows } from './visit-details';

export interface ReminderParams {
  recipientName: string;
  startsAt: string;
  endsAt: string;
  hospitalName: string;
  address: string;
  role: 'volunteer' | 'coordinator';
  /** The interpreter's copy: everything for the day. */
  visit?: MailVisitDetails;
}

/** Before the visit, to the interpreter or the hospital's coordinator. */
export const reminder: MailTemplate<ReminderParams> = {
  ja: (p) => ({
    subject: `【リマインダー】${formatRange(p.startsAt, p.endsAt, 'ja')} ${p.hospitalName} の医療通訳`,
    greeting: greet(p.recipientName, 'ja'),
    paragraphs: [
      p.role === 'volunteer'
        ? '医療通訳の予定が近づいています。当日はよろしくお願いいたします。'
        : '通訳者が伺う予定が近づいています。',
    ],
    details: [
      ['日時', formatRange(p.startsAt, p.endsAt, 'ja')],
      ['医療機関', p.hospitalName],
      ['住所', p.address],
      ...(p.visit ? visitDetailRows(p.visit, 'ja') : []),
    ],
  }),
  en: (p) => ({
    subject: `Reminder: interpreting on ${formatRange(p.startsAt, p.endsAt, 'en')} at ${p.hospitalName}`,
    greeting: greet(p.recipientName, 'en'),
    paragraphs: [
      p.role === 'volunteer'
        ? 'Your medical interpreting assignment is coming up. Thank you for your help.'
        : 'The interpreter’s visit is coming up.',
    ],
    details: [
      ['When', formatRange(p.startsAt, p.endsAt, 'en')],
      ['Hospital', p.hospitalName],
      ['Address', p.address],
      ...(p.visit ? visitDetailRows(p.visit, 'en') : []),
    ],
  }),
};
