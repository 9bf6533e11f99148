import { Locale } from '@app/domain';
import { escapeHtml } from './format';

/** What a template says, before it becomes plain text and HTML. All values are plain text. */
export interface MailContent {
  subject: string;
  /** `熊本 花子 様` / `Dear Hanako Kumamoto,` */
  greeting: string;
  paragraphs: string[];
  details?: Array<[label: string, value: string]>;
  action?: { label: string; url: string };
  closing?: string[];
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** A template: one function per recipient language. */
export type MailTemplate<P> = Record<Locale, (params: P) => MailContent>;

const FOOTER: Record<Locale, string> = {
  ja: 'このメールは熊本 医療通訳ボランティア派遣システムから自動で送信されています。ご不明な点はプログラム事務局までお問い合わせください。',
  en: 'This message was sent automatically by the Kumamoto medical interpreter dispatch system. For questions, please contact the programme office.',
};

function assertLink(url: string): void {
  if (!/^https?:\/\//i.test(url)) throw new Error('Mail links must be http(s) URLs');
}

/** The text and HTML of a mail; every value is escaped in the HTML. */
export function renderContent(content: MailContent, locale: Locale): RenderedMail {
  if (content.action) assertLink(content.action.url);
  const width = Math.max(0, ...(content.details ?? []).map(([key]) => key.length));
  const text = [
    content.greeting,
    '',
    ...content.paragraphs.flatMap((p) => [p, '']),
    ...(content.details?.length
      ? [...content.details.map(([key, value]) => `${key.padEnd(width)}  ${value}`), '']
      : []),
    ...(content.action ? [`${content.action.label}:`, content.action.url, ''] : []),
    ...(content.closing ?? []).flatMap((p) => [p, '']),
    '--',
    FOOTER[locale],
    '',
  ].join('\n');

  const e = escapeHtml;
  const html = [
    `<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8"><title>${e(content.subject)}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.6; color: #222;">',
    `<p>${e(content.greeting)}</p>`,
    ...content.paragraphs.map((p) => `<p>${e(p)}</p>`),
    content.details?.length
      ? `<table style="border-collapse: collapse;">${content.details
          .map(
            ([key, value]) =>
              `<tr><th style="text-align: left; padding: 2px 12px 2px 0; vertical-align: top;">${e(key)}</th><td style="padding: 2px 0; white-space: pre-line;">${e(value)}</td></tr>`,
          )
          .join('')}</table>`
      : '',
    content.action
      ? `<p><a href="${e(content.action.url)}" style="display: inline-block; padding: 10px 18px; background: #1565c0; color: #fff; text-decoration: none; border-radius: 4px;">${e(content.action.label)}</a></p><p style="font-size: 12px; color: #555;">${e(content.action.url)}</p>`
      : '',
    ...(content.closing ?? []).map((p) => `<p>${e(p)}</p>`),
    `<hr><p style="font-size: 12px; color: #555;">${e(FOOTER[locale])}</p>`,
    '</body></html>',
  ].join('\n');

  return { subject: content.subject.replace(/[\r\n]+/g, ' ').slice(0, 300), text, html };
}

export const greet = (name: string, locale: Locale) => (locale === 'ja' ? `${name} 様` : `Dear ${name},`);
