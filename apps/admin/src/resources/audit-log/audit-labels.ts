/**
 * What an audit line's action and object type say in words. A workflow move is logged as
 * `<kind>.<event>` (request.confirm, offer.withdraw), a patient read as `patient.read`; an HTTP
 * change as its route (`POST /api/dispatches/:id/cancel`), which is shown as it is. The code stays
 * in the line's dialog and in the filter, which takes it exactly.
 */
export const AUDIT_SUBJECTS = [
  'request',
  'offer',
  'dispatch',
  'patient',
  'users',
  'requests',
  'offers',
  'dispatches',
  'volunteers',
  'hospitals',
  'courses',
  'reports',
  'auth',
] as const;
export const AUDIT_EVENTS = [
  'file',
  'send',
  'confirm',
  'offer',
  'escalate',
  'reopen',
  'reschedule',
  'amend',
  'withdrawTraineeConsent',
  'complete',
  'cancel',
  'accept',
  'decline',
  'expire',
  'withdraw',
  'release',
  'noShow',
  'read',
  'erase',
] as const;

/** The i18n keys (with the raw code as the fallback) of an action: one key, or subject and event. */
export function auditActionKeys(action: string): { subject: string; event: string } | null {
  const match = /^([a-z]+)\.([A-Za-z]+)$/.exec(action);
  if (!match) return null;
  const [, subject, event] = match;
  if (!(AUDIT_SUBJECTS as readonly string[]).includes(subject) || !(AUDIT_EVENTS as readonly string[]).includes(event))
    return null;
  return { subject: `app.audit.subject.${subject}`, event: `app.audit.event.${event}` };
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

export function auditActionLabel(action: string, translate: Translate): string {
  const keys = auditActionKeys(action);
  if (!keys) return translate(`app.audit.action.${action.replace(/\./g, '_')}`, { _: action });
  return `${translate(keys.subject, { _: action })}: ${translate(keys.event, { _: action })}`;
}

export function auditObjectLabel(objectType: string | null | undefined, translate: Translate): string {
  if (!objectType) return '—';
  return translate(`app.audit.subject.${objectType}`, { _: objectType });
}
