import { TZDate } from '@date-fns/tz';
import { addDays, addMinutes, subDays } from 'date-fns';
import { EntityManager } from 'typeorm';
import {
  ActivityReport,
  Dispatch,
  Hospital,
  HospitalConfirmation,
  InterpretationRequest,
  isBusinessDay,
  Offer,
  type PatientGender,
  RequestPatient,
  StatusTransition,
  User,
  Volunteer,
} from '@app/domain';
import type { Availability, Department, VisitType } from '@app/matching';
import { levelRank, requiredLevelFor } from '@app/matching';

const TOKYO = 'Asia/Tokyo';

/** Fictitious patients of the demo, by language. */
const PATIENTS: Record<string, { displayName: string; gender: PatientGender; nationality: string }[]> = {
  vi: [
    { displayName: 'ファム・ティ・フオン', gender: 'female', nationality: 'VN' },
    { displayName: 'レ・ヴァン・トゥアン', gender: 'male', nationality: 'VN' },
  ],
  zh: [
    { displayName: '張 偉', gender: 'male', nationality: 'CN' },
    { displayName: '林 怡君', gender: 'female', nationality: 'TW' },
  ],
  ne: [{ displayName: 'グルン・ビシャル', gender: 'male', nationality: 'NP' }],
  tl: [{ displayName: 'レイエス・アナ', gender: 'female', nationality: 'PH' }],
  ko: [{ displayName: '朴 民俊', gender: 'male', nationality: 'KR' }],
  en: [{ displayName: 'エミリー・ブラウン', gender: 'female', nationality: 'US' }],
  th: [{ displayName: 'スダー・チャイ', gender: 'female', nationality: 'TH' }],
  pt: [{ displayName: 'ルーカス・シウバ', gender: 'male', nationality: 'BR' }],
};

const VISITS: { department: Department; visitType: VisitType }[] = [
  { department: 'internal_medicine', visitType: 'outpatient' },
  { department: 'pediatrics', visitType: 'examination' },
  { department: 'orthopedics', visitType: 'outpatient' },
  { department: 'obstetrics_gynecology', visitType: 'examination' },
  { department: 'internal_medicine', visitType: 'test_results' },
  { department: 'surgery', visitType: 'informed_consent' },
  { department: 'dentistry', visitType: 'outpatient' },
  { department: 'oncology', visitType: 'test_results' },
];

export interface DemoHistoryWorld {
  hospitals: Hospital[];
  /** the volunteers the seed created, with their availability */
  volunteers: Volunteer[];
}

/** A Tokyo wall time on the calendar day of `day`. */
function tokyoAt(day: Date, minutes: number): Date {
  const t = new TZDate(day.getTime(), TOKYO);
  return new TZDate(t.getFullYear(), t.getMonth(), t.getDate(), Math.floor(minutes / 60), minutes % 60, TOKYO);
}

const hhmm = (value: string) => Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5));

/** ISO weekday (Mon=1 … Sun=7) of a Tokyo calendar day. */
function tokyoWeekday(day: Date): number {
  return ((new TZDate(day.getTime(), TOKYO).getDay() + 6) % 7) + 1;
}

/** The holiday table is keyed by local midnight dates. */
function isTokyoBusinessDay(day: Date): boolean {
  const t = new TZDate(day.getTime(), TOKYO);
  return isBusinessDay(new Date(t.getFullYear(), t.getMonth(), t.getDate()));
}

function fiscalYearStart(now: Date): Date {
  const t = new TZDate(now.getTime(), TOKYO);
  const year = t.getMonth() >= 3 ? t.getFullYear() : t.getFullYear() - 1;
  return new TZDate(year, 3, 1, 0, 0, TOKYO);
}

interface Visit {
  hospital: Hospital;
  volunteer: Volunteer;
  startsAt: Date;
  endsAt: Date;
  department: Department;
  visitType: VisitType;
  filedAt: Date;
  confirmedAt: Date;
}

/**
 * This fiscal year's past, so that every page of the demo has something in it: about two
 * requests a week since 1 April, most filled, reported and reviewed, some left unfilled or
 * withdrawn by the hospital; plus the work waiting today — a visit of yesterday that the
 * volunteer (volunteer1@) still has to report and the hospital (coordinator1@) to confirm, and a
 * report waiting for staff review. Written as rows, in the seed's transaction: the workflow's
 * services only move things forward from now.
 */
export async function seedDemoHistory(m: EntityManager, now: Date, world: DemoHistoryWorld): Promise<void> {
  const reviewer = await m.findOneBy(User, { role: 'admin' });
  const coordinators = new Map((await m.findBy(User, { role: 'coordinator' })).map((u) => [u.hospitalId, u.id]));
  const lastDispatch = new Map<string, Date>();
  const history = { m, reviewer: reviewer?.id ?? null, coordinators, lastDispatch };

  // Past business days of the fiscal year, up to a week ago; a request every other one.
  const days: Date[] = [];
  for (let day = fiscalYearStart(now); day < subDays(now, 7); day = addDays(day, 1)) {
    if (isTokyoBusinessDay(day)) days.push(day);
  }
  for (const [k, day] of days.entries()) {
    if (k % 2 === 1) continue;
    const visit = planVisit(world, day, k, now);
    if (!visit) continue;
    const outcome = k % 20 === 4 ? 'unfilled' : k % 20 === 14 ? 'withdrawn' : 'filled';
    if (outcome === 'filled') {
      await recordFilledVisit(history, visit, {
        reported: true,
        reviewed: true,
        confirmedByHospital: k % 3 !== 0,
        rating: 4 + (k % 4 === 0 ? 1 : 0),
      });
    } else {
      await recordUnfilledVisit(history, visit, outcome);
    }
  }

  // Today's work: the last visit of グエン・ティ・ラン (volunteer1) waits for her report and the
  // hospital's confirmation; one of 王 麗華 (volunteer3) waits for staff review.
  const [lan, wang] = [world.volunteers[0], world.volunteers[2]];
  const yesterdayVisit = recentVisit(world, lan, world.hospitals[0], now, 1, {
    department: 'internal_medicine',
    visitType: 'outpatient',
  });
  if (yesterdayVisit)
    await recordFilledVisit(history, yesterdayVisit, {
      reported: false,
      reviewed: false,
      confirmedByHospital: false,
      rating: null,
      keepConfirmed: true,
    });
  const reviewVisit = recentVisit(world, wang, world.hospitals[1], now, 2, {
    department: 'pediatrics',
    visitType: 'examination',
  });
  if (reviewVisit)
    await recordFilledVisit(history, reviewVisit, {
      reported: true,
      reviewed: false,
      confirmedByHospital: false,
      rating: null,
      issues: '小児の予防接種歴について、母子手帳の中国語版がなく説明に時間がかかりました。',
    });

  for (const [volunteerId, at] of lastDispatch) await m.update(Volunteer, { id: volunteerId }, { lastDispatchAt: at });

  // Tomorrow's visit, confirmed days ago, for the staff dashboard's "today and tomorrow".
  const tomorrowVisit = upcomingVisit(world, now);
  if (tomorrowVisit)
    await recordFilledVisit(history, tomorrowVisit, {
      reported: false,
      reviewed: false,
      confirmedByHospital: false,
      rating: null,
      keepConfirmed: true,
    });
}

/**
 * A visit tomorrow of someone free then, preferring a language no demo request asks for (so the
 * requests filed at start find the same people free).
 */
function upcomingVisit(world: DemoHistoryWorld, now: Date): Visit | null {
  const day = addDays(now, 1);
  const weekday = tokyoWeekday(day);
  const free = world.volunteers.filter((v) => v.level !== 'trainee' && slotOn(v.availability, weekday));
  const volunteer = free.find((v) => !['vi', 'zh', 'ne', 'tl'].includes(v.languages[0].code)) ?? free[0];
  return volunteer
    ? visitAt(
        world.hospitals[1],
        volunteer,
        day,
        { department: 'internal_medicine', visitType: 'outpatient' },
        3,
        42,
        now,
      )
    : null;
}

/** A volunteer free on that weekday, qualified for the visit, at the start of their slot. */
function planVisit(world: DemoHistoryWorld, day: Date, k: number, now: Date): Visit | null {
  const weekday = tokyoWeekday(day);
  const free = world.volunteers.filter(
    (v) => v.level !== 'trainee' && v.availability.weekly.some((s) => s.weekday === weekday),
  );
  if (free.length === 0) return null;
  const volunteer = free[k % free.length];
  const visit =
    VISITS.find(
      (_, i) =>
        i >= k % VISITS.length &&
        levelRank(volunteer.level) >= levelRank(requiredLevelFor(VISITS[i].department, VISITS[i].visitType)),
    ) ?? VISITS[0];
  return visitAt(
    world.hospitals[k % world.hospitals.length],
    volunteer,
    day,
    visit,
    2 + (k % 6),
    25 + ((k * 37) % 240),
    now,
  );
}

/** The volunteer's most recent past weekday slot, `atLeastDaysAgo` or more before today. */
function recentVisit(
  world: DemoHistoryWorld,
  volunteer: Volunteer,
  hospital: Hospital,
  now: Date,
  atLeastDaysAgo: number,
  visit: (typeof VISITS)[number],
): Visit | null {
  for (let back = atLeastDaysAgo; back <= 7; back++) {
    const day = subDays(now, back);
    if (isTokyoBusinessDay(day) && slotOn(volunteer.availability, tokyoWeekday(day)))
      return visitAt(hospital, volunteer, day, visit, 3, 42, now);
  }
  return null;
}

function slotOn(availability: Availability, weekday: number) {
  return availability.weekly.find((s) => s.weekday === weekday);
}

function visitAt(
  hospital: Hospital,
  volunteer: Volunteer,
  day: Date,
  visit: (typeof VISITS)[number],
  leadDays: number,
  minutesToFill: number,
  now: Date,
): Visit | null {
  const slot = slotOn(volunteer.availability, tokyoWeekday(day));
  if (!slot) return null;
  const start = hhmm(slot.start) + 60;
  const end = Math.min(start + 90, hhmm(slot.end));
  if (end - start < 30) return null;
  const startsAt = tokyoAt(day, start);
  const filedAt = tokyoAt(subDays(day, leadDays), 9 * 60 + 30);
  const confirmedAt = addMinutes(filedAt, minutesToFill);
  if (confirmedAt >= now) return null;
  return { hospital, volunteer, startsAt, endsAt: tokyoAt(day, end), ...visit, filedAt, confirmedAt };
}

interface History {
  m: EntityManager;
  reviewer: string | null;
  coordinators: Map<string | null, string>;
  lastDispatch: Map<string, Date>;
}

async function insertRequest(
  h: History,
  visit: Visit,
  status: InterpretationRequest['status'],
  extra: Partial<InterpretationRequest> = {},
): Promise<InterpretationRequest> {
  const language = visit.volunteer.languages[0].code;
  const patients = PATIENTS[language] ?? PATIENTS.en;
  const request = await h.m.save(
    InterpretationRequest,
    h.m.create(InterpretationRequest, {
      hospitalId: visit.hospital.id,
      language,
      startsAt: visit.startsAt,
      endsAt: visit.endsAt,
      department: visit.department,
      visitType: visit.visitType,
      requiredLevel: requiredLevelFor(visit.department, visit.visitType),
      status,
      createdBy: h.coordinators.get(visit.hospital.id) ?? null,
      createdAt: visit.filedAt,
      ...extra,
    }),
  );
  const patient = patients[visit.startsAt.getTime() % patients.length];
  await h.m.insert(RequestPatient, {
    requestId: request.id,
    displayName: patient.displayName,
    gender: patient.gender,
    ageBand: visit.department === 'pediatrics' ? 'child' : 'adult',
    nationality: patient.nationality,
  });
  await log(h, 'request', request.id, null, 'open', 'file', visit.filedAt);
  return request;
}

function log(
  h: History,
  subjectType: StatusTransition['subjectType'],
  subjectId: string,
  fromStatus: string | null,
  toStatus: string,
  event: string,
  at: Date,
  reason: string | null = null,
) {
  return h.m.insert(StatusTransition, {
    subjectType,
    subjectId,
    fromStatus,
    toStatus,
    event,
    at,
    reason,
    actorId: null,
  });
}

async function recordFilledVisit(
  h: History,
  visit: Visit,
  outcome: {
    reported: boolean;
    reviewed: boolean;
    confirmedByHospital: boolean;
    rating: number | null;
    issues?: string;
    keepConfirmed?: boolean;
  },
): Promise<void> {
  const completed = !outcome.keepConfirmed;
  const request = await insertRequest(h, visit, completed ? 'completed' : 'confirmed', { waveCount: 1 });
  const offer = await h.m.save(
    Offer,
    h.m.create(Offer, {
      requestId: request.id,
      volunteerId: visit.volunteer.id,
      status: 'accepted',
      wave: 1,
      expiresAt: addMinutes(visit.filedAt, 120),
      respondedAt: visit.confirmedAt,
      createdAt: visit.filedAt,
    }),
  );
  await log(h, 'request', request.id, 'open', 'offered', 'offer', visit.filedAt);
  await log(h, 'offer', offer.id, 'pending', 'accepted', 'accept', visit.confirmedAt);
  await log(h, 'request', request.id, 'offered', 'confirmed', 'confirm', visit.confirmedAt);
  const dispatch = await h.m.save(
    Dispatch,
    h.m.create(Dispatch, {
      requestId: request.id,
      volunteerId: visit.volunteer.id,
      offerId: offer.id,
      status: completed ? 'completed' : 'confirmed',
      startsAt: visit.startsAt,
      endsAt: visit.endsAt,
      busyFrom: visit.startsAt,
      busyUntil: visit.endsAt,
      area: visit.hospital.area,
      actualStart: completed ? visit.startsAt : null,
      actualEnd: completed ? visit.endsAt : null,
      reconfirmedAt: subDays(visit.startsAt, 1),
      createdAt: visit.confirmedAt,
    }),
  );
  h.lastDispatch.set(visit.volunteer.id, visit.startsAt);
  if (completed) {
    await log(h, 'dispatch', dispatch.id, 'confirmed', 'completed', 'complete', addMinutes(visit.endsAt, 30));
    await log(h, 'request', request.id, 'confirmed', 'completed', 'complete', addMinutes(visit.endsAt, 30));
  }
  if (outcome.reported) {
    const submittedAt = addMinutes(visit.endsAt, 180);
    await h.m.insert(ActivityReport, {
      dispatchId: dispatch.id,
      volunteerId: visit.volunteer.id,
      actualStart: visit.startsAt,
      actualEnd: visit.endsAt,
      waitingMinutes: 15 + (Math.floor(visit.startsAt.getTime() / 60000) % 30),
      scenes: ['reception', 'consultation', 'payment'],
      difficulty: 2 + (Math.floor(visit.startsAt.getTime() / 3600000) % 3),
      transportCostYen: 400 + 20 * (Math.floor(visit.startsAt.getTime() / 60000) % 15),
      issues: outcome.issues ?? null,
      submittedAt,
      reviewStatus: outcome.reviewed ? 'reviewed' : 'pending',
      reviewedBy: outcome.reviewed ? h.reviewer : null,
      reviewedAt: outcome.reviewed ? addDays(submittedAt, 1) : null,
    });
  }
  if (outcome.confirmedByHospital) {
    await h.m.insert(HospitalConfirmation, {
      dispatchId: dispatch.id,
      actualStart: visit.startsAt,
      actualEnd: visit.endsAt,
      rating: outcome.rating,
      confirmedBy: h.coordinators.get(visit.hospital.id) ?? null,
    });
  }
}

async function recordUnfilledVisit(h: History, visit: Visit, outcome: 'unfilled' | 'withdrawn'): Promise<void> {
  if (outcome === 'unfilled') {
    const request = await insertRequest(h, visit, 'escalated', { escalationReason: 'all_declined', waveCount: 2 });
    const offer = await h.m.save(
      Offer,
      h.m.create(Offer, {
        requestId: request.id,
        volunteerId: visit.volunteer.id,
        status: 'declined',
        wave: 1,
        expiresAt: addMinutes(visit.filedAt, 120),
        respondedAt: visit.confirmedAt,
        declineReason: '仕事の都合',
        createdAt: visit.filedAt,
      }),
    );
    await log(h, 'request', request.id, 'open', 'offered', 'offer', visit.filedAt);
    await log(h, 'offer', offer.id, 'pending', 'declined', 'decline', visit.confirmedAt);
    await log(h, 'request', request.id, 'offered', 'escalated', 'escalate', visit.confirmedAt, 'all_declined');
  } else {
    const request = await insertRequest(h, visit, 'cancelled');
    await log(
      h,
      'request',
      request.id,
      'open',
      'cancelled',
      'cancel',
      visit.confirmedAt,
      '患者さんの都合で受診日が変更になりました',
    );
  }
}
