import { DEPARTMENTS, formatInstant, formatRange, label, languageName, MODES, VISIT_TYPES } from './format';
import { greet, MailTemplate } from './layout';

export interface OfferParams {
  volunteerName: string;
  /** ISO 639-1 code, e.g. `vi` */
  language: string;
  startsAt: string;
  endsAt: string;
  hospitalName: string;
  area: string;
  department: string;
  visitType: string;
  mode: string;
  linkUrl: string;
  respondBy: string;
  urgent: boolean;
  /** Asked again: the volunteer's earlier offer for this visit expired unanswered and nobody has taken it. */
  again?: boolean;
  /** A shadow seat (研修生の同席): the name of the interpreter the trainee would accompany. */
  shadowOf?: string | null;
}

/** An interpreting request the volunteer may accept (no patient details until confirmed). */
export const offer: MailTemplate<OfferParams> = {
  ja: (p) => ({
    subject: `${p.again ? '【再依頼】' : ''}${p.urgent ? '【至急】' : ''}${p.shadowOf != null ? '【研修同席】' : '【通訳依頼】'}${formatRange(p.startsAt, p.endsAt, 'ja')} ${languageName(p.language, 'ja')}／${p.hospitalName}`,
    greeting: greet(p.volunteerName, 'ja'),
    paragraphs: [
      p.urgent
        ? '至急の医療通訳のご依頼です。お引き受けいただけるか、お早めにご回答ください。'
        : '医療通訳のご依頼です。お引き受けいただけるかご回答ください。',
      ...(p.again
        ? ['先にお送りしたご依頼の回答期限が過ぎましたが、まだ通訳者が決まっていないため、もう一度お送りします。']
        : []),
      ...(p.shadowOf != null
        ? [`研修生として、通訳者 ${p.shadowOf} さんの通訳に同席する実習のご案内です（同席の席は一つです）。`]
        : []),
      '先着順で確定します。確定後に詳細をお知らせします。',
    ],
    details: [
      ...(p.shadowOf != null ? [['通訳者', p.shadowOf] as [string, string]] : []),
      ['日時', formatRange(p.startsAt, p.endsAt, 'ja')],
      ['言語', languageName(p.language, 'ja')],
      ['医療機関', p.hospitalName],
      ['地域', p.area],
      ['診療科', label(DEPARTMENTS, p.department, 'ja')],
      ['内容', label(VISIT_TYPES, p.visitType, 'ja')],
      ['方法', label(MODES, p.mode, 'ja')],
      ['回答期限', formatInstant(p.respondBy, 'ja')],
    ],
    action: { label: '依頼を確認して回答する', url: p.linkUrl },
  }),
  en: (p) => ({
    subject: `${p.again ? '[Asked again] ' : ''}${p.urgent ? '[Urgent] ' : ''}${p.shadowOf != null ? 'Shadowing offer' : 'Interpreting request'}: ${formatRange(p.startsAt, p.endsAt, 'en')}, ${languageName(p.language, 'en')}, ${p.hospitalName}`,
    greeting: greet(p.volunteerName, 'en'),
    paragraphs: [
      p.urgent
        ? 'An urgent medical interpreting request: please answer as soon as you can.'
        : 'A medical interpreting request: please let us know whether you can take it.',
      ...(p.again
        ? [
            'The time to answer our earlier offer for this visit has passed, but nobody has taken it yet, so we are asking once more.',
          ]
        : []),
      ...(p.shadowOf != null
        ? [`As a trainee, you are invited to shadow the interpreter ${p.shadowOf} on this visit (one seat).`]
        : []),
      'The first volunteer to accept gets it; the details follow once it is confirmed.',
    ],
    details: [
      ...(p.shadowOf != null ? [['Interpreter', p.shadowOf] as [string, string]] : []),
      ['When', formatRange(p.startsAt, p.endsAt, 'en')],
      ['Language', languageName(p.language, 'en')],
      ['Hospital', p.hospitalName],
      ['Area', p.area],
      ['Department', label(DEPARTMENTS, p.department, 'en')],
      ['Visit', label(VISIT_TYPES, p.visitType, 'en')],
      ['Mode', label(MODES, p.mode, 'en')],
      ['Answer by', formatInstant(p.respondBy, 'en')],
    ],
    action: { label: 'See the request and answer', url: p.linkUrl },
  }),
};
