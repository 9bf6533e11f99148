import { type Dispatch, type Hospital, type InterpretationRequest, type Locale, tokyoDate } from '@app/domain';
import { DEPARTMENTS, label, languageName, MODES, VISIT_TYPES } from '../mail/templates/format';
import type { CalendarEventInput } from '../mail/calendar';

/** Everything a visit's calendar entry says; patient details are never part of it. */
export interface VisitForCalendar {
  dispatch: Pick<Dispatch, 'id' | 'role' | 'status'>;
  /** The event's revision (RFC 5545 SEQUENCE): how many times the visit has moved since confirmation. */
  sequence?: number;
  request: Pick<
    InterpretationRequest,
    | 'id'
    | 'language'
    | 'startsAt'
    | 'endsAt'
    | 'department'
    | 'visitType'
    | 'mode'
    | 'notesForInterpreter'
    | 'remoteDetails'
  >;
  hospital: Pick<Hospital, 'name' | 'address' | 'phone'>;
  coordinatorName: string | null;
  coordinatorPhone: string | null;
}

const WORDS = {
  ja: {
    title: '医療通訳',
    shadow: '（見学）',
    reference: '依頼番号',
    visit: '内容',
    hospital: '医療機関',
    address: '住所',
    hospitalPhone: '医療機関の電話',
    coordinator: '医療機関の担当者',
    notes: '連絡事項',
    remote: { phone: '電話番号', video: 'ビデオ通話のリンク', onsite: '' },
    details: '詳細（サインインが必要です）',
    dayBefore: '明日',
    twoHours: '2時間後',
  },
  en: {
    title: 'Medical interpreting',
    shadow: ' (shadowing)',
    reference: 'Reference',
    visit: 'Visit',
    hospital: 'Hospital',
    address: 'Address',
    hospitalPhone: 'Hospital phone',
    coordinator: 'Hospital coordinator',
    notes: 'Notes for the interpreter',
    remote: { phone: 'Number to call', video: 'Video link', onsite: '' },
    details: 'Details (sign-in required)',
    dayBefore: 'Tomorrow',
    twoHours: 'In 2 hours',
  },
} as const;

/** The same event everywhere it is published: the mail's attachment, the link, the feed. */
export const visitUid = (dispatchId: string) => `dispatch-${dispatchId}@kumamoto-dispatch`;

/** The short reference quoted in mail and on the phone. */
const reference = (requestId: string) => requestId.slice(0, 8).toUpperCase();

/**
 * A dispatch as a calendar event in the volunteer's language: labels, never codes
 * (`医療通訳 — ベトナム語 / 内科`), the place (hospital and address, or 電話/ビデオ通話 for a
 * remote visit), whom to call, the coordinator's notes, and reminders the day before and two hours
 * before. Its times never change once confirmed (a confirmed request cannot be edited), so the
 * revision is 0 and a cancellation is 1.
 */
export function visitEvent(visit: VisitForCalendar, locale: Locale, baseUrl: string): CalendarEventInput {
  const w = WORDS[locale];
  const { dispatch, request, hospital } = visit;
  const language = languageName(request.language, locale);
  const department = label(DEPARTMENTS, request.department, locale);
  const summary = `${w.title} — ${language} / ${department}${dispatch.role === 'shadow' ? w.shadow : ''}`;
  const remote = request.mode !== 'onsite';
  const place = [hospital.name, hospital.address].filter(Boolean).join(', ');
  const location = remote ? `${label(MODES, request.mode, locale)} — ${hospital.name}` : place;
  const coordinator = [visit.coordinatorName, visit.coordinatorPhone].filter(Boolean).join(' ');
  const lines: [string, string | null | undefined][] = [
    [w.reference, reference(request.id)],
    [w.visit, `${label(VISIT_TYPES, request.visitType, locale)} / ${department} / ${language}`],
    [w.hospital, hospital.name],
    [w.address, hospital.address],
    [w.hospitalPhone, hospital.phone],
    [w.coordinator, coordinator],
    [w.remote[request.mode], remote ? request.remoteDetails : null],
    [w.notes, request.notesForInterpreter],
    [w.details, `${baseUrl}/admin/#/dispatches`],
  ];
  const description = lines
    .filter(([, value]) => value && value.trim())
    .map(([name, value]) => `${name}: ${value!.trim()}`)
    .join('\n');
  return {
    uid: visitUid(dispatch.id),
    startsAt: request.startsAt,
    endsAt: request.endsAt,
    summary,
    location,
    description,
    // Each move of the visit is a newer revision of the same event (the cancel goes one above).
    ...(visit.sequence ? { sequence: visit.sequence } : {}),
    cancelled: dispatch.status === 'cancelled',
    alarms: [
      { minutesBefore: 24 * 60, description: `${w.dayBefore}: ${summary}` },
      { minutesBefore: 2 * 60, description: `${w.twoHours}: ${summary}` },
    ],
  };
}

/**
 * `2026-12-08-kumamoto-central-hospital.ics`: the visit's Tokyo date and the hospital's name in
 * ASCII (what is left of it), for `filename`; `utf8` keeps the name as written, for `filename*`.
 */
export function visitFileName(startsAt: Date, hospitalName: string): { ascii: string; utf8: string } {
  const date = tokyoDate(startsAt);
  const slug = hospitalName
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60);
  // Characters no file system takes, and control characters (the header must stay one line).
  const safe = [...hospitalName]
    .map((c) => (/[\\/:*?"<>|]/.test(c) || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f ? ' ' : c))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  return {
    ascii: `${date}-${slug || 'interpreting'}.ics`,
    utf8: `${date}-${safe || 'interpreting'}.ics`,
  };
}

/** `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266). */
export function contentDisposition(name: { ascii: string; utf8: string }): string {
  const encoded = encodeURIComponent(name.utf8).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${name.ascii}"; filename*=UTF-8''${encoded}`;
}
