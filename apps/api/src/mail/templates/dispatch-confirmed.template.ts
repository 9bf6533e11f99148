import { formatRange } from './format';
import { greet, MailTemplate } from './layout';
import { MailVisitDetails, visitDetailRows } from './visit-details';

export interface DispatchConfirmedParams {
  volunteerName: string;
  startsAt: string;
  endsAt: string;
  hospitalName: string;
  address: string;
  calendarUrl: string;
  /** Everything for the day (map, whom to call, meeting point, the remote link). */
  visit?: MailVisitDetails;
}

/** The volunteer's assignment is confirmed (the caller attaches an .ics). */
export const dispatchConfirmed: MailTemplate<DispatchConfirmedParams> = {
  ja: (p) => ({
    subject: `【派遣確定】${formatRange(p.startsAt, p.endsAt, 'ja')} ${p.hospitalName}`,
    greeting: greet(p.volunteerName, 'ja'),
    paragraphs: [
      '医療通訳の派遣が確定しました。よろしくお願いいたします。',
      '予定表に追加するファイル（.ics）を添付しています。患者さんの情報はシステムにログインしてご確認ください。',
    ],
    details: [
      ['日時', formatRange(p.startsAt, p.endsAt, 'ja')],
      ['医療機関', p.hospitalName],
      ['住所', p.address],
      ...(p.visit ? visitDetailRows(p.visit, 'ja') : []),
    ],
    action: { label: '予定表に追加する', url: p.calendarUrl },
  }),
  en: (p) => ({
    subject: `Assignment confirmed: ${formatRange(p.startsAt, p.endsAt, 'en')}, ${p.hospitalName}`,
    greeting: greet(p.volunteerName, 'en'),
    paragraphs: [
      'Your medical interpreting assignment is confirmed. Thank you.',
      'A calendar file (.ics) is attached. Please sign in to the system to see the patient details.',
    ],
    details: [
      ['When', formatRange(p.startsAt, p.endsAt, 'en')],
      ['Hospital', p.hospitalName],
      ['Address', p.address],
      ...(p.visit ? visitDetailRows(p.visit, 'en') : []),
    ],
    action: { label: 'Add to your calendar', url: p.calendarUrl },
  }),
};
