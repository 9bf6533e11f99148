import { formatRange } from './format';
import { greet, MailTemplate } from './layout';

export interface ShadowPartnerParams {
  recipientName: string;
  /** `interpreter`: a trainee will shadow you; `trainee`: who interprets the visit you shadow (a new interpreter after a change). */
  audience: 'interpreter' | 'trainee';
  /** The other person: the trainee's name for the interpreter, the interpreter's for the trainee. */
  partnerName: string;
  startsAt: string;
  endsAt: string;
  hospitalName: string;
}

/** Who is beside whom on a visit with a shadowing trainee (研修生の同席). No patient details. */
export const shadowPartner: MailTemplate<ShadowPartnerParams> = {
  ja: (p) => ({
    subject:
      p.audience === 'interpreter'
        ? `【研修生同席】${formatRange(p.startsAt, p.endsAt, 'ja')} ${p.hospitalName}`
        : `【同席先の通訳者】${formatRange(p.startsAt, p.endsAt, 'ja')} ${p.hospitalName}`,
    greeting: greet(p.recipientName, 'ja'),
    paragraphs:
      p.audience === 'interpreter'
        ? [
            `下記の医療通訳に、研修生 ${p.partnerName} さんが実習として同席します（医療機関の同意済み）。`,
            '通訳の後、よろしければ研修生へのひとことをパネルからお寄せください。',
          ]
        : [`下記の実習で同席する通訳者は ${p.partnerName} さんです。`],
    details: [
      ['日時', formatRange(p.startsAt, p.endsAt, 'ja')],
      ['医療機関', p.hospitalName],
      [p.audience === 'interpreter' ? '研修生' : '通訳者', p.partnerName],
    ],
  }),
  en: (p) => ({
    subject:
      p.audience === 'interpreter'
        ? `A trainee will shadow you: ${formatRange(p.startsAt, p.endsAt, 'en')}, ${p.hospitalName}`
        : `Your interpreter for shadowing: ${formatRange(p.startsAt, p.endsAt, 'en')}, ${p.hospitalName}`,
    greeting: greet(p.recipientName, 'en'),
    paragraphs:
      p.audience === 'interpreter'
        ? [
            `The trainee ${p.partnerName} will shadow you on the visit below (the hospital agreed).`,
            'After the visit, you may add a few lines of feedback on the trainee in the panel.',
          ]
        : [`The interpreter you will shadow on the visit below is ${p.partnerName}.`],
    details: [
      ['When', formatRange(p.startsAt, p.endsAt, 'en')],
      ['Hospital', p.hospitalName],
      [p.audience === 'interpreter' ? 'Trainee' : 'Interpreter', p.partnerName],
    ],
  }),
};
