import { formatRange } from './format';
import { greet, MailTemplate } from './layout';

export interface ReportReminderParams {
  volunteerName: string;
  startsAt: string;
  endsAt: string;
  hospitalName: string;
  reportUrl: string;
}

/** After the visit, when the activity report has not come in yet. */
export const reportReminder: MailTemplate<ReportReminderParams> = {
  ja: (p) => ({
    subject: `【活動報告書のお願い】${formatRange(p.startsAt, p.endsAt, 'ja')} ${p.hospitalName}`,
    greeting: greet(p.volunteerName, 'ja'),
    paragraphs: [
      '医療通訳の活動、おつかれさまでした。',
      'この派遣の活動報告書がまだ届いていません。システムにログインしてご提出ください。話を聞いてほしいことがあれば、報告書でお知らせください。',
    ],
    details: [
      ['日時', formatRange(p.startsAt, p.endsAt, 'ja')],
      ['医療機関', p.hospitalName],
    ],
    action: { label: '活動報告書を書く', url: p.reportUrl },
  }),
  en: (p) => ({
    subject: `Activity report, please: ${formatRange(p.startsAt, p.endsAt, 'en')}, ${p.hospitalName}`,
    greeting: greet(p.volunteerName, 'en'),
    paragraphs: [
      'Thank you for interpreting.',
      'We have not received your activity report for this assignment yet. Please sign in and file it. If you would like to talk to staff, say so in the report.',
    ],
    details: [
      ['When', formatRange(p.startsAt, p.endsAt, 'en')],
      ['Hospital', p.hospitalName],
    ],
    action: { label: 'Write the report', url: p.reportUrl },
  }),
};
