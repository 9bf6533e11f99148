import { formatRange, languageName } from './format';
import { greet, MailTemplate } from './layout';

export interface InterpreterCancelledParams {
  recipientName: string;
  requestRef: string;
  startsAt: string;
  endsAt: string;
  language: string;
  hospitalName: string;
  /** The hospital hears that someone else is being found and that it costs nothing; staff that the request is open again. */
  audience: 'hospital' | 'staff';
}

/** The confirmed interpreter said "I can't go": the request looks for someone else. No reason, no patient details. */
export const interpreterCancelled: MailTemplate<InterpreterCancelledParams> = {
  ja: (p) => ({
    subject: `【通訳者の取消】依頼 ${p.requestRef}（${formatRange(p.startsAt, p.endsAt, 'ja')}）`,
    greeting: greet(p.recipientName, 'ja'),
    paragraphs:
      p.audience === 'hospital'
        ? [
            '確定していた通訳者が都合により伺えなくなりました。現在、代わりの通訳者を探しています。決まりましたらお知らせします。',
            'この取消による費用はかかりません。',
          ]
        : [
            '確定していた通訳者が派遣を取り消しました（通訳者の都合）。依頼は通訳者の再募集に戻り、打診が自動で送られます。',
          ],
    details: [
      ['依頼番号', p.requestRef],
      ['日時', formatRange(p.startsAt, p.endsAt, 'ja')],
      ['医療機関', p.hospitalName],
      ['言語', languageName(p.language, 'ja')],
    ],
  }),
  en: (p) => ({
    subject: `Interpreter cancelled: request ${p.requestRef} (${formatRange(p.startsAt, p.endsAt, 'en')})`,
    greeting: greet(p.recipientName, 'en'),
    paragraphs:
      p.audience === 'hospital'
        ? [
            'The confirmed interpreter can no longer come. We are looking for another interpreter and will let you know when one is confirmed.',
            'There is no charge for this cancellation.',
          ]
        : [
            'The confirmed interpreter has cancelled. The request is looking for an interpreter again; offers go out automatically.',
          ],
    details: [
      ['Request', p.requestRef],
      ['When', formatRange(p.startsAt, p.endsAt, 'en')],
      ['Hospital', p.hospitalName],
      ['Language', languageName(p.language, 'en')],
    ],
  }),
};
