import { DISPATCH_TRANSITIONS, OFFER_TRANSITIONS, REQUEST_TRANSITIONS } from '@app/domain/model';
import { enMessages as en } from '../../i18n/en';
import { jaMessages as ja } from '../../i18n/ja';
import { auditActionLabel, auditObjectLabel } from './audit-labels';

/** A translate over the messages that answers `_` (the fallback) for a missing key, as react-admin's does. */
const translator =
  (messages: object) =>
  (key: string, options?: Record<string, unknown>): string => {
    const found = key
      .split('.')
      .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
    return typeof found === 'string' ? found : ((options?._ as string | undefined) ?? key);
  };
const translate = translator(ja);

describe('audit labels', () => {
  it('says a workflow move and a patient read in words', () => {
    expect(auditActionLabel('request.confirm', translate)).toBe('依頼: 確定');
    expect(auditActionLabel('dispatch.reschedule', translate)).toBe('派遣: 日時変更');
    expect(auditActionLabel('patient.read', translate)).toBe('患者情報: 閲覧');
    expect(auditActionLabel('auth.2fa.enrolled', translate)).toBe('2段階認証の登録');
    expect(auditObjectLabel('offer', translate)).toBe('打診');
  });

  it('says every workflow move and entry in words, in Japanese and English', () => {
    const moves = [
      // Entries (Workflow.start): a request filed, an offer sent, a dispatch confirmed.
      ...['request.file', 'offer.send', 'dispatch.confirm'],
      ...Object.keys(REQUEST_TRANSITIONS).map((event) => `request.${event}`),
      ...Object.keys(OFFER_TRANSITIONS).map((event) => `offer.${event}`),
      ...Object.keys(DISPATCH_TRANSITIONS).map((event) => `dispatch.${event}`),
    ];
    for (const messages of [ja, en])
      for (const action of moves) expect(auditActionLabel(action, translator(messages))).not.toContain(action);
  });

  it('shows an HTTP route, or an action it does not know, as it is', () => {
    expect(auditActionLabel('POST /api/dispatches/:id/cancel', translate)).toBe('POST /api/dispatches/:id/cancel');
    expect(auditActionLabel('something.new', translate)).toBe('something.new');
    expect(auditObjectLabel(null, translate)).toBe('—');
  });
});
