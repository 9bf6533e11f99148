import { countryName } from '@app/domain/model';
import {
  DEFAULT_LEAD_TIME_BUSINESS_DAYS,
  type DispatchView,
  isFilled,
  isOpen,
  isUrgent,
  type RequestStatus,
  type RequestView,
} from '@app/domain/model';

/**
 * What a request's page and list say about where it stands, beyond its workflow status: a visit
 * that is over and waits for the hospital's confirmation, a no-show on record, a past visit nobody
 * took. Pure, so the list, the page and the dashboard say the same thing.
 */
export type DeskStatus =
  | RequestStatus
  | 'awaiting_confirmation'
  | 'no_show_patient'
  | 'no_show_interpreter'
  | 'unfilled_past'
  | 'office_arranging';

/** The parts of the request's interpreter dispatch these rules read. */
export type DispatchFacts = Pick<DispatchView, 'status' | 'endsAt' | 'noShowParty' | 'hospitalConfirmed'>;

/** The visit's end has passed. */
export function visitOver(request: Pick<RequestView, 'endsAt'>, now: Date): boolean {
  return new Date(request.endsAt).getTime() <= now.getTime();
}

/** The visit has started (no-show and completion are recorded from then on). */
export function visitStarted(request: Pick<RequestView, 'startsAt'>, now: Date): boolean {
  return new Date(request.startsAt).getTime() <= now.getTime();
}

/**
 * The status the desk shows: a confirmed or completed visit whose end has passed and that the
 * hospital has not confirmed is 確認待ち (not the same green 確定 as a visit ahead); a no-show says
 * whose; a request still looking for someone after its visit ended is over, not 要対応.
 */
export function deskStatus(
  request: Pick<RequestView, 'status' | 'endsAt'>,
  dispatch: DispatchFacts | null | undefined,
  now: Date,
  viewer: 'staff' | 'hospital' = 'staff',
): DeskStatus {
  if (dispatch?.status === 'no_show') {
    return dispatch.noShowParty === 'interpreter' ? 'no_show_interpreter' : 'no_show_patient';
  }
  if (isOpen(request.status) && visitOver(request, now)) return 'unfilled_past';
  // An escalation is the programme office's to act on: the hospital reads that it is being arranged.
  if (request.status === 'escalated' && viewer === 'hospital') return 'office_arranging';
  if (isFilled(request.status) && visitOver(request, now) && dispatch && !dispatch.hospitalConfirmed) {
    return 'awaiting_confirmation';
  }
  return request.status;
}

/** The escalation banner (要対応の理由) belongs to a request staff can still fill. */
export function showsEscalation(request: Pick<RequestView, 'status' | 'escalationReason' | 'endsAt'>, now: Date) {
  return !!request.escalationReason && isOpen(request.status) && !visitOver(request, now);
}

/** The 至急 banner matters while someone is being looked for, not once the visit is filled. */
export function showsUrgent(request: Pick<RequestView, 'status' | 'urgent' | 'endsAt'>, now: Date) {
  return request.urgent && isOpen(request.status) && !visitOver(request, now);
}

/**
 * The lead-time rule while the form is filled in: a visit starting at `startsAt` filed `now` is
 * urgent (fewer than the programme's business days ahead). Null until the date and time are given.
 */
export function urgentIfFiledNow(startsAt: string | null, now: Date): boolean | null {
  if (!startsAt) return null;
  const visit = new Date(startsAt);
  if (Number.isNaN(visit.getTime()) || visit <= now) return null;
  return isUrgent(now, visit, DEFAULT_LEAD_TIME_BUSINESS_DAYS);
}

/** 'VN' → ベトナム / Vietnam; a value that is not a region code is shown as typed. */
export function nationalityLabel(value: string | null | undefined, locale: 'ja' | 'en'): string {
  return countryName(value, locale);
}

/** What a no-show of each party costs: the hospital pays the no-show fee for its patient, nobody for the interpreter. */
export const NO_SHOW_PARTIES = ['patient', 'interpreter'] as const;
export type NoShowChoice = (typeof NO_SHOW_PARTIES)[number];
