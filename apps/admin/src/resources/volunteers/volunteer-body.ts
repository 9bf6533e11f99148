/**
 * The volunteer form's values to the API's body (CreateVolunteerDto / UpdateVolunteerDto) and the
 * API's field complaints to words. The form edits the pledge as a Tokyo calendar day; the API keeps
 * the instant.
 */
type Values = Record<string, unknown>;

/** The instant's Tokyo day for the date box (`2025-03-31T15:00:00Z` → `2025-04-01`). */
export function pledgeDay(value: unknown): string {
  if (typeof value !== 'string' || !value) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const time = new Date(value).getTime();
  if (Number.isNaN(time)) return '';
  return new Date(time + 9 * 3_600_000).toISOString().slice(0, 10);
}

/** A date box's day as the start of that Tokyo day, or null when emptied. */
export function pledgeInstant(day: unknown): string | null {
  return typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T00:00:00+09:00` : null;
}

const sameInstant = (a: unknown, b: unknown) =>
  typeof a === 'string' && typeof b === 'string' && new Date(a).getTime() === new Date(b).getTime();

/**
 * What to send. On edit (`previous` given) an unchanged pledge day keeps the stored instant so it
 * is not sent again, and the level-change reason goes only with a level change.
 */
export function toVolunteerBody(data: Values, previous?: Values): Values {
  const body: Values = { ...data };
  if (previous && sameInstant(body.pledgeSignedAt, previous.pledgeSignedAt))
    body.pledgeSignedAt = previous.pledgeSignedAt;
  const reason = typeof body.levelChangeReason === 'string' ? body.levelChangeReason.trim() : '';
  if (!reason || (previous && body.level === previous.level)) delete body.levelChangeReason;
  else body.levelChangeReason = reason;
  if (body.maxDispatchesPerMonth === null || body.maxDispatchesPerMonth === '') delete body.maxDispatchesPerMonth;
  if (Array.isArray(body.languages))
    body.languages = body.languages.map((l: { code?: unknown; proficiency?: unknown }) => ({
      code: l?.code,
      proficiency: l?.proficiency,
    }));
  if (!previous) {
    for (const key of Object.keys(body)) if (body[key] === null || body[key] === undefined) delete body[key];
  }
  return body;
}

/**
 * The API's per-field messages are English sentences; those the form knows are shown in the
 * user's language (an i18n key, which the inputs translate), the others as they are.
 */
export function wordVolunteerErrors(errors: Record<string, unknown>): Record<string, unknown> {
  const worded: Record<string, unknown> = {};
  for (const [field, message] of Object.entries(errors)) {
    const text = typeof message === 'string' ? message : '';
    if (/^languages\.\d+\.code$/.test(field) && /listed twice/.test(text))
      worded[field] = 'app.registry.volunteers.errors.language_twice';
    else if (field === 'levelChangeReason' && /needs a reason/.test(text))
      worded[field] = 'app.registry.volunteers.errors.level_reason';
    else worded[field] = message;
  }
  return worded;
}
