import { Availability, validateAvailability } from '@app/matching';
import { InvalidError } from '@app/domain';
import { LanguageSkillDto } from './dto/volunteer.dto';

export const EMPTY_AVAILABILITY: Availability = { weekly: [], exceptions: [] };

/** Problems of an availability document, keyed by field (`weekly[2].end`, …) as in a 422 body. */
export function availabilityErrors(availability: Availability, prefix = ''): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const p of validateAvailability(availability)) (errors[`${prefix}${p.field}`] ??= []).push(p.message);
  return errors;
}

export function assertAvailability(availability: Availability, prefix = ''): void {
  const errors = availabilityErrors(availability, prefix);
  if (Object.keys(errors).length)
    throw new InvalidError(`Check the availability: ${Object.keys(errors).join(', ')}`, errors);
}

/** Only the stored shape (no stray properties from the request). */
export function normalizeAvailability(a: Availability): Availability {
  return {
    weekly: a.weekly.map(({ weekday, start, end }) => ({ weekday, start, end })),
    exceptions: a.exceptions.map(({ date, available, start, end }) => ({
      date,
      available,
      ...(start != null ? { start } : {}),
      ...(end != null ? { end } : {}),
    })),
  };
}

export function languageErrors(languages: readonly LanguageSkillDto[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const seen = new Set<string>();
  languages.forEach((l, i) => {
    if (seen.has(l.code)) errors[`languages.${i}.code`] = [`${l.code} is listed twice`];
    seen.add(l.code);
  });
  return errors;
}

export function normalizeLanguages(languages: readonly LanguageSkillDto[]) {
  return languages.map(({ code, proficiency }) => ({ code, proficiency }));
}
