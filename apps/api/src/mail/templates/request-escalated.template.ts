import type { EscalationReason } from '@app/domain/model';
import { formatInstant, languageName } from './format';
import { greet, MailTemplate } from './layout';

export interface RequestEscalatedParams {
  recipientName: string;
  requestRef: string;
  startsAt: string;
  language: string;
  reason: EscalationReason;
  /**
   * `office` (staff and admins, the default): step in. `hospital`: the coordinator's copy — the
   * office is arranging it; they cannot assign by hand and need not phone.
   */
  audience?: 'office' | 'hospital';
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

/** Staff must step in: the request did not fill by itself. The hospital is told the office is on it. */
export const requestEscalated: MailTemplate<RequestEscalatedParams> = {
  ja: (p) =>
    p.audience === 'hospital'
      ? {
          subject: `【手配中】依頼 ${p.requestRef}（${formatInstant(p.startsAt, 'ja')}・${languageName(p.language, 'ja')}）`,
          greeting: greet(p.recipientName, 'ja'),
          paragraphs: [
            `次の依頼は自動では通訳者が決まりませんでした。${REASONS[p.reason]?.ja ?? ''}`,
            '事務局が通訳者の手配を進めています。決まりましたらメールでお知らせしますので、お問い合わせは不要です。',
          ],
          details: details(p, 'ja'),
        }
      : {
          subject: `【要対応】依頼 ${p.requestRef}（${formatInstant(p.startsAt, 'ja')}・${languageName(p.language, 'ja')}）`,
          greeting: greet(p.recipientName, 'ja'),
          paragraphs: [
            `次の依頼は自動では通訳者が決まりませんでした。${REASONS[p.reason]?.ja ?? ''}`,
            '管理画面の依頼ページ（依頼番号で検索できます）で打診の履歴と候補者の電話番号を確認し、手動での打診・割り当てをお願いします。',
          ],
          details: details(p, 'ja'),
        },
  en: (p) =>
    p.audience === 'hospital'
      ? {
          subject: `Being arranged: request ${p.requestRef} (${formatInstant(p.startsAt, 'en')}, ${languageName(p.language, 'en')})`,
          greeting: greet(p.recipientName, 'en'),
          paragraphs: [
            `This request could not be filled automatically. ${REASONS[p.reason]?.en ?? ''}`.trim(),
            'The programme office is arranging an interpreter. We will mail you when one is confirmed; there is no need to call.',
          ],
          details: details(p, 'en'),
        }
      : {
          subject: `Action needed: request ${p.requestRef} (${formatInstant(p.startsAt, 'en')}, ${languageName(p.language, 'en')})`,
          greeting: greet(p.recipientName, 'en'),
          paragraphs: [
            `This request could not be filled automatically. ${REASONS[p.reason]?.en ?? ''}`.trim(),
            "Find it by its reference in the panel: the request page shows who was asked and the candidates' phone numbers, to offer or assign by hand.",
          ],
          details: details(p, 'en'),
        },
};

function details(p: RequestEscalatedParams, locale: 'ja' | 'en'): [string, string][] {
  return locale === 'ja'
    ? [
        ['依頼番号', p.requestRef],
        ['日時', formatInstant(p.startsAt, 'ja')],
        ['言語', languageName(p.language, 'ja')],
      ]
    : [
        ['Request', p.requestRef],
        ['When', formatInstant(p.startsAt, 'en')],
        ['Language', languageName(p.language, 'en')],
      ];
}
