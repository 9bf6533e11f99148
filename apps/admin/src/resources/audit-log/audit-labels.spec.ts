import { jaMessages as ja } from '../../i18n/ja';
import { auditActionLabel, auditObjectLabel } from './audit-labels';

/** A translate over the Japanese messages that answers `_` (the fallback) for a missing key, as react-admin's does. */
const translate = (key: string, options?: Record<string, unknown>) => {
  const found = key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], ja);
  return typeof found === 'string' ? found : ((options?._ as string | undefined) ?? key);
};

describe('audit labels', () => {
  it('says a workflow move and a patient read in words', () => {
    expect(auditActionLabel('request.confirm', translate)).toBe('依頼: 確定');
    expect(auditActionLabel('dispatch.reschedule', translate)).toBe('派遣: 日時変更');
    expect(auditActionLabel('patient.read', translate)).toBe('患者情報: 閲覧');
    expect(auditActionLabel('auth.2fa.enrolled', translate)).toBe('2段階認証の登録');
    expect(auditObjectLabel('offer', translate)).toBe('打診');
  });

  it('shows an HTTP route, or an action it does not know, as it is', () => {
    expect(auditActionLabel('POST /api/dispatches/:id/cancel', translate)).toBe('POST /api/dispatches/:id/cancel');
    expect(auditActionLabel('something.new', translate)).toBe('something.new');
    expect(auditObjectLabel(null, translate)).toBe('—');
  });
});
