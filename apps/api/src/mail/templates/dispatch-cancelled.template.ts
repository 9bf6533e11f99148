import { formatRange } from './format';
import { greet, MailTemplate } from './layout';

export interface DispatchCancelledParams {
  volunteerName: string;
  startsAt: string;
  endsAt: string;
  hospitalName: string;
}

/**
 * The volunteer's assignment was cancelled while the request goes on (the caller attaches an .ics
 * that removes the event). No reason: the free text may speak of the patient.
 */
export const dispatchCancelled: MailTemplate<DispatchCancelledParams> = {
  ja: (p) => ({
    subject: `【派遣取消】${formatRange(p.startsAt, p.endsAt, 'ja')} ${p.hospitalName}`,
    greeting: greet(p.volunteerName, 'ja'),
    paragraphs: [
      '下記の医療通訳の派遣は取り消されました。医療機関へ行く必要はありません。',
      '予定表から削除するファイル（.ics）を添付しています。ご不明な点はプログラム事務局までお問い合わせください。',
    ],
    details: [
      ['日時', formatRange(p.startsAt, p.endsAt, 'ja')],
      ['医療機関', p.hospitalName],
    ],
  }),
  en: (p) => ({
    subject: `Assignment cancelled: ${formatRange(p.startsAt, p.endsAt, 'en')}, ${p.hospitalName}`,
    greeting: greet(p.volunteerName, 'en'),
    paragraphs: [
      'The medical interpreting assignment below has been cancelled. Please do not go to the hospital.',
      'A calendar file (.ics) that removes it from your calendar is attached. For questions, please contact the programme office.',
    ],
    details: [
      ['When', formatRange(p.startsAt, p.endsAt, 'en')],
      ['Hospital', p.hospitalName],
    ],
  }),
};
