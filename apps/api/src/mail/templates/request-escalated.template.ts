import type { EscalationReason } from '@app/domain/model';
import { formatInstant, languageName } from './format';
import { greet, MailTemplate } from './layout';

export interface RequestEscalatedParams {
  recipientName: string;
  requestRef: string;
  startsAt: string;
  language: string;
  reason: EscalationReason;
}

const REASONS: Record<EscalationReason, { ja: string; en: string }> = {
  no_eligible: { ja: '条件に合う通訳者がいません。', en: 'No eligible interpreter was found.' },
  no_answer: { ja: '期限までに引き受けの回答がありませんでした。', en: 'Nobody accepted before the deadline.' },
  all_declined: { ja: '打診した通訳者全員が辞退しました。', en: 'Every interpreter asked has declined.' },
  reconfirmation_missed: { ja: '通訳者から前日の再確認がありませんでした。', en: 'The interpreter did not reconfirm.' },
  dispatch_cancelled: {
    ja: '確定していた通訳者の派遣が取り消され、代わりの通訳者がまだ決まっていません。',
    en: "The confirmed interpreter's dispatch was cancelled and nobody has taken the visit over yet.",
  },
};

/** Staff must step in: the request did not fill by itself. */
export const requestEscalated: MailTemplate<RequestEscalatedParams> = {
  ja: (p) => ({
    subject: `【要対応】依頼 ${p.requestRef}（${formatInstant(p.startsAt, 'ja')}・${languageName(p.language, 'ja')}）`,
    greeting: greet(p.recipientName, 'ja'),
    paragraphs: [
      `次の依頼は自動では通訳者が決まりませんでした。${REASONS[p.reason]?.ja ?? ''}`,
      '管理画面から手動での割り当てをご検討ください。',
    ],
    details: [
      ['依頼番号', p.requestRef],
      ['日時', formatInstant(p.startsAt, 'ja')],
      ['言語', languageName(p.language, 'ja')],
    ],
  }),
  en: (p) => ({
    subject: `Action needed: request ${p.requestRef} (${formatInstant(p.startsAt, 'en')}, ${languageName(p.language, 'en')})`,
    greeting: greet(p.recipientName, 'en'),
    paragraphs: [
      `This request could not be filled automatically. ${REASONS[p.reason]?.en ?? ''}`.trim(),
      'Please consider assigning an interpreter by hand in the admin panel.',
    ],
    details: [
      ['Request', p.requestRef],
      ['When', formatInstant(p.startsAt, 'en')],
      ['Language', languageName(p.language, 'en')],
    ],
  }),
};
