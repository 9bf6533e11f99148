import {
  ATTENDANCE_STATUS_NAMES,
  COURSE_KIND_NAMES,
  FEE_LINE_KIND_NAMES,
  namesIn,
  REQUEST_ROLE_NAMES,
} from '@app/domain/model';
import { enMessages } from './en';
import { jaMessages } from './ja';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('messages', () => {
  it('has the same keys in Japanese and English', () => {
    expect(keys(jaMessages).sort()).toEqual(keys(enMessages).sort());
  });

  it("has react-admin's own messages in Japanese", () => {
    expect((jaMessages.ra as { action: { save: string } }).action.save).toBe('保存');
  });

  it('names every user field in both languages', () => {
    for (const messages of [jaMessages, enMessages]) {
      const fields = (messages.resources as Record<string, { fields: Record<string, string> }>).users.fields;
      for (const field of ['email', 'displayName', 'role', 'locale', 'active', 'hospitalId', 'volunteerId'])
        expect(fields[field]).toBeTruthy();
    }
  });

  it('signs in with an e-mail, not a user name', () => {
    expect((jaMessages.ra as { auth: { username: string } }).auth.username).toBe('メールアドレス');
  });

  it("words the model's own words as the model does (the exports and PDFs say the same)", () => {
    const at = (messages: object, path: string) =>
      path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], messages);
    for (const [locale, messages] of [
      ['ja', jaMessages],
      ['en', enMessages],
    ] as const) {
      expect(at(messages, 'app.registry.training.kind')).toEqual(namesIn(COURSE_KIND_NAMES, locale));
      expect(at(messages, 'app.registry.training.status')).toEqual(namesIn(ATTENDANCE_STATUS_NAMES, locale));
      expect(at(messages, 'app.dispatches.role')).toEqual(namesIn(REQUEST_ROLE_NAMES, locale));
      expect(at(messages, 'app.desk.statements.kind')).toEqual(namesIn(FEE_LINE_KIND_NAMES, locale));
    }
  });
});
