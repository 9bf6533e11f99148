import { type DispatchView, isOpen, type RequestView } from '@app/domain/model';
import { tokyoDateOf, tokyoDayStart } from '../lib/tokyo-input';

/**
 * The staff dashboard's rules (#19), pure so the panels and their tests read the same thing: which
 * visits within 48 hours still need an interpreter, which of tomorrow's visits the interpreter has
 * not reconfirmed, and a volunteer's standing split into what lapses soon and what is missing.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** How far ahead an unfilled visit is the office's worry today. */
export const UNFILLED_HORIZON_HOURS = 48;

/** The instants the staff panels read, fixed when the page opens. Tokyo days (UTC+9, no DST). */
export function staffWindows(now: Date) {
  const today = new Date(tokyoDayStart(tokyoDateOf(now))).getTime();
  const at = (ms: number) => new Date(ms).toISOString();
  return {
    now: now.toISOString(),
    /** now + 48 hours: the end of the "not yet filled" window */
    horizon: at(now.getTime() + UNFILLED_HORIZON_HOURS * HOUR),
    /** today 00:00 Tokyo */
    today: at(today),
    /** tomorrow 00:00 Tokyo */
    tomorrow: at(today + DAY),
    /** the day after tomorrow 00:00 Tokyo: tomorrow's visits start before this */
    dayAfter: at(today + 2 * DAY),
  };
}
export type StaffWindows = ReturnType<typeof staffWindows>;

/** Which near Tokyo day a visit starts on (今日 / 明日 / 明後日), or null further out or in the past. */
export function nearDay(
  startsAt: string,
  windows: Pick<StaffWindows, 'today'>,
): 'today' | 'tomorrow' | 'day_after' | null {
  const days = Math.floor((new Date(startsAt).getTime() - new Date(windows.today).getTime()) / DAY);
  return days === 0 ? 'today' : days === 1 ? 'tomorrow' : days === 2 ? 'day_after' : null;
}

type UnfilledFacts = Pick<RequestView, 'status' | 'startsAt' | 'onHold'>;

/** Where an unfilled request stands for staff: held back, not yet offered, offers out, or escalated. */
export type FillState = 'held' | 'waiting' | 'offers_out' | 'escalated';

export function fillState(request: UnfilledFacts): FillState {
  if (request.status === 'escalated') return 'escalated';
  if (request.onHold) return 'held';
  return request.status === 'offered' ? 'offers_out' : 'waiting';
}

/**
 * Visits starting from now up to 48 hours ahead that nobody holds yet (open, out for offer or
 * escalated, held ones too), soonest first.
 */
export function unfilledSoon<R extends UnfilledFacts>(
  requests: R[],
  windows: Pick<StaffWindows, 'now' | 'horizon'>,
): R[] {
  const now = new Date(windows.now).getTime();
  const horizon = new Date(windows.horizon).getTime();
  return requests
    .filter((r) => {
      const starts = new Date(r.startsAt).getTime();
      return isOpen(r.status) && starts >= now && starts < horizon;
    })
    .sort((a, b) => new Date(a.startsAt).getTime() - new Date(b.startsAt).getTime());
}

type ReconfirmFacts = Pick<DispatchView, 'role' | 'status' | 'startsAt' | 'reconfirmedAt'>;

/** Tomorrow's (Tokyo) confirmed interpreter dispatches whose volunteer has not reconfirmed, soonest first. */
export function notReconfirmedTomorrow<D extends ReconfirmFacts>(
  dispatches: D[],
  windows: Pick<StaffWindows, 'tomorrow' | 'dayAfter'>,
): D[] {
  const from = new Date(windows.tomorrow).getTime();
  const to = new Date(windows.dayAfter).getTime();
  return dispatches
    .filter((d) => {
      const starts = new Date(d.startsAt).getTime();
      return d.role === 'primary' && d.status === 'confirmed' && !d.reconfirmedAt && starts >= from && starts < to;
    })
    .sort((a, b) => new Date(a.startsAt).getTime() - new Date(b.startsAt).getTime());
}

/** One line of GET /api/volunteers/lapsing (apps/api/src/volunteers/lifecycle.service.ts). */
export interface LapseItem {
  item: 'pledge' | 'insurance' | 'training';
  /** The last day it holds; null when it is missing altogether (never attended, no pledge, no insurance). */
  date: string | null;
  lapsed: boolean;
}
export interface LapsingVolunteer {
  volunteerId: string;
  displayName: string;
  items: LapseItem[];
}

/**
 * The lapsing list split in two: volunteers with something that has a date and ends (or ended)
 * within the window, and volunteers with something missing altogether. A volunteer with both is
 * in both lists, each with its own items. Lapses soonest first.
 */
export function splitStanding(volunteers: LapsingVolunteer[]): {
  lapses: LapsingVolunteer[];
  missing: LapsingVolunteer[];
} {
  const lapses: LapsingVolunteer[] = [];
  const missing: LapsingVolunteer[] = [];
  for (const v of volunteers) {
    const dated = v.items.filter((i) => i.date !== null);
    const absent = v.items.filter((i) => i.date === null);
    if (dated.length) lapses.push({ ...v, items: dated });
    if (absent.length) missing.push({ ...v, items: absent });
  }
  const first = (v: LapsingVolunteer) => v.items.map((i) => i.date!).sort()[0];
  lapses.sort((a, b) => first(a).localeCompare(first(b)));
  return { lapses, missing };
}
