import fc from 'fast-check';
import type { Availability } from './availability';
import { compileAvailability } from './availability';
import { DEFAULT_MATCHING_CONFIG, ExclusionCode, travelMinutes } from './matching-config';
import { meetsHardRules, prepareRequest, rankCandidates } from './rank';
import type { RequestSnapshot, VolunteerSnapshot } from './snapshot.types';
import { GEN_NOW, availabilityArb, requestArb, volunteersArb } from './testing/snapshot.arbitraries';

/**
 * An independent, deliberately naive statement of each hard rule. Japan has no daylight saving,
 * so the reference reads Tokyo wall time as UTC+9 and walks the visit in 5-minute steps.
 */
const TOKYO_OFFSET_MS = 9 * 3_600_000;
const MIN = 60_000;
const wall = (ms: number) => {
  const d = new Date(ms + TOKYO_OFFSET_MS);
  return {
    date: d.toISOString().slice(0, 10),
    weekday: ((d.getUTCDay() + 6) % 7) + 1,
    minute: d.getUTCHours() * 60 + d.getUTCMinutes(),
    month: d.toISOString().slice(0, 7),
  };
};
const toMin = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const within = (m: number, start: string, end: string) => toMin(start) <= m && m < toMin(end);

function freeAt(a: Availability, ms: number): boolean {
  const { date, weekday, minute } = wall(ms);
  const today = a.exceptions.filter((x) => x.date === date);
  if (today.some((x) => x.available && (x.start === undefined || within(minute, x.start, x.end!)))) return true;
  if (today.some((x) => !x.available && (x.start === undefined || within(minute, x.start, x.end!)))) return false;
  return a.weekly.some((s) => s.weekday === weekday && within(minute, s.start, s.end));
}

const ORDER = { business: 0, fluent: 1, native: 2, trainee: 0, standard: 1, advanced: 2 } as const;
const ADVANCED_VISITS = ['informed_consent', 'end_of_life', 'safeguarding', 'psychiatric_care'];

function referenceCodes(r: RequestSnapshot, v: VolunteerSnapshot & { rawAvailability: Availability }): ExclusionCode[] {
  const codes: ExclusionCode[] = [];
  const shadow = r.role === 'shadow';
  const advanced = ['oncology', 'psychiatry'].includes(r.department) || ADVANCED_VISITS.includes(r.visitType);
  const minProficiency = shadow ? 0 : 1;
  if (!v.languages.some((l) => l.code === r.language && ORDER[l.proficiency] >= minProficiency)) codes.push('LANGUAGE');
  const levelOk = shadow ? v.level === 'trainee' : v.level === 'advanced' || (v.level === 'standard' && !advanced);
  if (!levelOk) codes.push('LEVEL');
  const buffer = r.mode === 'onsite' ? travelMinutes(v.homeArea, r.hospitalArea) : 0;
  let available = true;
  for (let t = r.startsAt - buffer * MIN; t < r.endsAt + buffer * MIN; t += 5 * MIN)
    available &&= freeAt(v.rawAvailability, t);
  if (!available) codes.push('UNAVAILABLE');
  const clash = v.dispatches.some((d) => {
    const gap = r.mode === 'onsite' && d.area ? travelMinutes(d.area, r.hospitalArea) * MIN : 0;
    return d.startsAt - gap < r.endsAt && r.startsAt < d.endsAt + gap;
  });
  if (clash) codes.push('OVERLAP');
  const month = wall(r.startsAt).month;
  const used =
    month === wall(GEN_NOW).month
      ? v.dispatchesThisMonth
      : v.dispatches.filter((d) => wall(d.startsAt).month === month).length;
  if (used >= v.maxDispatchesPerMonth) codes.push('MONTHLY_CAP');
  if (v.status !== 'active') codes.push('INACTIVE');
  if (v.pledgeSignedAt == null || v.pledgeSignedAt > r.startsAt) codes.push('PLEDGE');
  if (!v.insuranceValidUntil || v.insuranceValidUntil < wall(r.endsAt - 1).date) codes.push('INSURANCE');
  if (!v.trainingOk) codes.push('TRAINING');
  if (r.interpreterGender !== 'any' && r.interpreterGender !== v.gender) codes.push('GENDER');
  if (
    v.bannedHospitalIds.includes(r.hospitalId) ||
    (r.patientKey != null && v.bannedPatientKeys.includes(r.patientKey))
  )
    codes.push('BANNED');
  return codes;
}

const instance = fc.tuple(requestArb(), volunteersArb(10));
const RUNS = { numRuns: 300 };

describe('rankCandidates properties', () => {
  it('excludes with exactly the rules a naive reference finds broken, and no eligible candidate breaks one', () => {
    fc.assert(
      fc.property(instance, ([request, volunteers]) => {
        const result = rankCandidates({ request, volunteers, now: GEN_NOW, config: DEFAULT_MATCHING_CONFIG });
        const byId = new Map(volunteers.map((v) => [v.id, v]));
        for (const c of result.eligible) expect(referenceCodes(request, byId.get(c.volunteerId)!)).toEqual([]);
        for (const c of result.excluded) expect(c.reasons).toEqual(referenceCodes(request, byId.get(c.volunteerId)!));
        expect(result.eligible.length + result.excluded.length).toBe(volunteers.length);
      }),
      RUNS,
    );
  });

  it('always excludes a volunteer with LANGUAGE once the language is removed', () => {
    fc.assert(
      fc.property(instance, ([request, volunteers]) => {
        const stripped = volunteers.map((v) => ({
          ...v,
          languages: v.languages.filter((l) => l.code !== request.language),
        }));
        const result = rankCandidates({ request, volunteers: stripped, now: GEN_NOW });
        expect(result.eligible).toEqual([]);
        for (const c of result.excluded) expect(c.reasons).toContain('LANGUAGE');
      }),
      RUNS,
    );
  });

  it('never loses an eligible candidate when availability is added', () => {
    fc.assert(
      fc.property(instance, availabilityArb, ([request, volunteers], extra) => {
        const before = rankCandidates({ request, volunteers, now: GEN_NOW });
        const more = volunteers.map((v) => {
          // Extra weekly slots, and dated absences turned into nothing: only ever more time.
          const raw: Availability = {
            weekly: [...v.rawAvailability.weekly, ...extra.weekly],
            exceptions: [...v.rawAvailability.exceptions, ...extra.exceptions.filter((x) => x.available)],
          };
          return { ...v, availability: compileAvailability(raw) };
        });
        const after = rankCandidates({ request, volunteers: more, now: GEN_NOW });
        const afterIds = new Set(after.eligible.map((c) => c.volunteerId));
        for (const c of before.eligible) expect(afterIds.has(c.volunteerId)).toBe(true);
      }),
      RUNS,
    );
  });

  it('excludes the same volunteers for the same reasons whatever their history, load and response rate', () => {
    // The API reads those only for volunteers who pass the hard rules (VolunteerSnapshots' needsScore).
    fc.assert(
      fc.property(instance, ([request, volunteers]) => {
        const full = rankCandidates({ request, volunteers, now: GEN_NOW });
        const bare = rankCandidates({
          request,
          volunteers: volunteers.map((v) => ({
            ...v,
            history: { patientKeys: [], hospitalIds: [], departments: {} },
            assignmentsLast30d: 0,
            assignmentsLast90d: 0,
            responseRate: null,
          })),
          now: GEN_NOW,
        });
        expect(bare.excluded).toEqual(full.excluded);
        expect(bare.eligible.map((c) => c.volunteerId).sort()).toEqual(full.eligible.map((c) => c.volunteerId).sort());
      }),
      RUNS,
    );
  });

  it('meetsHardRules names exactly the volunteers the ranking scores', () => {
    // The API's reader fetches the score's inputs for these alone.
    fc.assert(
      fc.property(instance, ([request, volunteers]) => {
        const prepared = prepareRequest(request, GEN_NOW);
        const ranked = rankCandidates({ request, volunteers, now: GEN_NOW });
        expect(
          volunteers
            .filter((v) => meetsHardRules(prepared, v))
            .map((v) => v.id)
            .sort(),
        ).toEqual(ranked.eligible.map((c) => c.volunteerId).sort());
      }),
      RUNS,
    );
  });

  it('gives the same output whatever the order of the volunteers', () => {
    fc.assert(
      fc.property(
        instance.chain(([request, volunteers]) =>
          fc.tuple(
            fc.constant(request),
            fc.constant(volunteers),
            fc.shuffledSubarray(volunteers, { minLength: volunteers.length }),
          ),
        ),
        ([request, volunteers, shuffled]) => {
          const a = rankCandidates({ request, volunteers, now: GEN_NOW });
          const b = rankCandidates({ request, volunteers: shuffled, now: GEN_NOW });
          expect(b).toEqual(a);
        },
      ),
      RUNS,
    );
  });
});
