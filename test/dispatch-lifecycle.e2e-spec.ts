import { MailMessage } from '@app/domain';
import { createTestApp, TestApp } from './support/test-app';
import { PATIENT, visitWorld } from './support/visit-fixtures';
import { jst, TODAY } from './support/workflow-fixtures';

/** The calendar file attached to a mail, as text. */
const ics = (mail: MailMessage) => Buffer.from(mail.attachments![0].content, 'base64').toString('utf8');
const uidOf = (calendar: string) => /^UID:(.+)$/m.exec(calendar)![1].trim();

/** What happens to a confirmed dispatch after the confirmation: cancellation, reconfirmation, the visit's end. */
describe('The dispatch lifecycle', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof visitWorld>>;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(TODAY);
    world = await visitWorld(t, 2);
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.set(TODAY));

  const mailsTo = (email: string, template: string) => t.dataSource.getRepository(MailMessage).find({ where: { toAddress: email, template }, order: { createdAt: 'ASC' } });

  describe('cancelling a dispatch (not the request)', () => {
    it('tells the volunteer in their language, without the reason or the patient, and cancels the calendar event', async () => {
      const [volunteer] = world.volunteers;
      await t.http().patch(`/api/users/${volunteer.userId}`).set('Authorization', world.staff).send({ locale: 'en' }).expect(200);
      const { dispatchId } = await world.dispatch(jst(15, '10:00'), jst(15, '11:00'), volunteer.id);
      const [confirmation] = await mailsTo(volunteer.email, 'dispatch_confirmed');

      await t.http().post(`/api/dispatches/${dispatchId}/cancel`).set('Authorization', world.coordinator.auth).send({ reason: `${PATIENT}さんの入院のため` }).expect(200);

      const [cancelled, ...more] = await mailsTo(volunteer.email, 'dispatch_cancelled');
      expect(more).toHaveLength(0);
      expect(cancelled.locale).toBe('en');
      expect(cancelled.subject).toMatch(/^Assignment cancelled: Tue 15 Dec 2026, 10:00–11:00 \(JST\)/);
      expect(cancelled.textBody).toContain('Please do not go to the hospital');
      for (const text of [cancelled.subject, cancelled.textBody, cancelled.htmlBody, ics(cancelled)]) {
        expect(text).not.toContain(PATIENT);
        expect(text).not.toContain('入院');
      }
      const calendar = ics(cancelled);
      expect(calendar).toContain('METHOD:CANCEL');
      expect(calendar).toContain('STATUS:CANCELLED');
      expect(uidOf(calendar)).toBe(uidOf(ics(confirmation)));
    });
  });
});
