import type { RankResult } from './rank';

/** The shadow seat's wave: how many trainees are asked at once. */
export const DEFAULT_SHADOW_WAVE_SIZE = 3;

export interface ShadowSeatInput {
  /** The ranking of the request for the `shadow` role (only trainees are eligible there). */
  ranked: RankResult;
  /** Trainees asked for this seat already (any answer, or still pending): not asked again by a wave. */
  alreadyAsked: ReadonlySet<string>;
  /** Trainees who may not take the seat whatever they rank (e.g. the visit's own interpreter). */
  exclude?: ReadonlySet<string>;
  size?: number;
}

export type ShadowChoice = { ok: true; volunteerId: string } | { ok: false; reasons: string[] };

/**
 * The next trainees to offer a request's shadow seat: the best-ranked eligible trainees not asked
 * yet, `size` of them. Pure: the ranking decides who is eligible (language, trainee level, training,
 * availability plus travel, no overlap, monthly cap, bans), this only picks.
 */
export function shadowWave({
  ranked,
  alreadyAsked,
  exclude,
  size = DEFAULT_SHADOW_WAVE_SIZE,
}: ShadowSeatInput): string[] {
  return ranked.eligible
    .map((c) => c.volunteerId)
    .filter((id) => !alreadyAsked.has(id) && !exclude?.has(id))
    .slice(0, size);
}

/**
 * Whether staff's chosen trainee may be offered the seat, with the ranking's reasons when not
 * (`ALREADY_ASKED` when they hold or answered an offer for it already).
 */
export function chooseShadow(
  { ranked, alreadyAsked, exclude }: Omit<ShadowSeatInput, 'size'>,
  volunteerId: string,
): ShadowChoice {
  if (exclude?.has(volunteerId)) return { ok: false, reasons: ['INTERPRETER'] };
  if (!ranked.eligible.some((c) => c.volunteerId === volunteerId)) {
    const excluded = ranked.excluded.find((e) => e.volunteerId === volunteerId);
    return { ok: false, reasons: excluded ? [...excluded.reasons] : ['LANGUAGE'] };
  }
  if (alreadyAsked.has(volunteerId)) return { ok: false, reasons: ['ALREADY_ASKED'] };
  return { ok: true, volunteerId };
}
