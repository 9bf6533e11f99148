import { DEFAULT_MATCHING_CONFIG, MatchingConfig } from './matching-config';
import { evaluateVolunteer, prepareRequest, rankCandidates } from './rank';
import type { RequestSnapshot, VolunteerSnapshot } from './snapshot.types';
import { tokyoMonthBounds, toTokyoWallTime } from './tokyo-time';

/** A dispatch is handed on only when its visit is at least this far off: the cover needs time to plan. */
export const SWAP_MIN_NOTICE_MS = 24 * 3_600_000;

export interface SwapInput {
  /** The request nobody free can take. */
  request: RequestSnapshot;
  /** Those who could take `request` once freed (their dispatches carry `requestId`). */
  volunteers: readonly VolunteerSnapshot[];
  /** The confirmed requests that may be handed on, by id (a dispatch whose request is missing stays put). */
  confirmed: ReadonlyMap<string, RequestSnapshot>;
  /** Who could take a handed-on request over (default: `volunteers`); the holder is left out. */
  covers?: (moved: RequestSnapshot) => readonly VolunteerSnapshot[];
  now: number;
  /** A dispatch is only handed on when its visit starts at least this long after `now` (default `SWAP_MIN_NOTICE_MS`). */
  minNoticeMs?: number;
  config?: MatchingConfig;
}

/**
 * One way to fill `request`: `volunteerId` hands their dispatch for `releases` to one of `cover`
 * (eligible for it now, best-ranked first) and then takes `request`, which that dispatch alone
 * kept them from (an overlapping visit, or the last dispatch their monthly cap allows).
 */
export interface SwapOption {
  volunteerId: string;
  /** Their score for `request` once freed. */
  score: number;
  releases: string;
  cover: string[];
}

/** A confirmed dispatch whose handing-on would make `volunteerId` eligible for the request (their score then). */
export interface FreeingDispatch {
  volunteerId: string;
  releases: string;
  score: number;
}

/**
 * The first half of `findSwaps`, without covers: for each volunteer excluded only by `OVERLAP`
 * and/or `MONTHLY_CAP`, each of their confirmed dispatches (far enough off) without which they
 * would be eligible. The API uses it to read covers only for those dispatches.
 */
export function freeingDispatches(input: Omit<SwapInput, 'covers'>): FreeingDispatch[] {
  const config = input.config ?? DEFAULT_MATCHING_CONFIG;
  const minNotice = input.minNoticeMs ?? SWAP_MIN_NOTICE_MS;
  const prepared = prepareRequest(input.request, input.now, config);
  const current = tokyoMonthBounds(toTokyoWallTime(input.now));
  const out: FreeingDispatch[] = [];
  for (const volunteer of input.volunteers) {
    const evaluation = evaluateVolunteer(prepared, volunteer);
    if (evaluation.eligible || !evaluation.codes.every((code) => code === 'OVERLAP' || code === 'MONTHLY_CAP'))
      continue;
    for (const held of volunteer.dispatches) {
      const moved = held.requestId !== undefined ? input.confirmed.get(held.requestId) : undefined;
      if (!moved || moved.startsAt - input.now < minNotice) continue;
      const inCurrentMonth = moved.startsAt >= current.startMs && moved.startsAt < current.endMs;
      const freed: VolunteerSnapshot = {
        ...volunteer,
        dispatches: volunteer.dispatches.filter((d) => d !== held),
        dispatchesThisMonth: volunteer.dispatchesThisMonth - (inCurrentMonth ? 1 : 0),
      };
      const after = evaluateVolunteer(prepared, freed);
      if (after.eligible) out.push({ volunteerId: volunteer.id, releases: moved.id, score: after.score });
    }
  }
  return out;
}

/**
 * Swaps that would fill a request every free volunteer has declined or cannot take: each
 * `freeingDispatches` entry paired with the volunteers who could take that dispatch over. Staff
 * phone the volunteer first and then the cover; nothing moves unless both agree. Options with the
 * most cover come first (the likeliest to work), then by the freed volunteer's score. At most one
 * option per volunteer: the dispatch with the most cover.
 */
export function findSwaps(input: SwapInput): SwapOption[] {
  const config = input.config ?? DEFAULT_MATCHING_CONFIG;
  const best = new Map<string, SwapOption>();
  for (const freeing of freeingDispatches(input)) {
    const moved = input.confirmed.get(freeing.releases)!;
    const others = (input.covers?.(moved) ?? input.volunteers).filter((v) => v.id !== freeing.volunteerId);
    const cover = rankCandidates({ request: moved, volunteers: others, now: input.now, config }).eligible.map(
      (c) => c.volunteerId,
    );
    const known = best.get(freeing.volunteerId);
    if (cover.length === 0 || (known && known.cover.length >= cover.length)) continue;
    best.set(freeing.volunteerId, { ...freeing, cover });
  }
  return [...best.values()].sort(
    (a, b) => b.cover.length - a.cover.length || b.score - a.score || (a.volunteerId < b.volunteerId ? -1 : 1),
  );
}
