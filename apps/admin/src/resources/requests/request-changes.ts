import type { RequestView } from '@app/domain/model';
import { tokyoDateOf, tokyoIso, tokyoTimeOf } from '../../lib/tokyo-input';

/** The edit dialog's values: a Tokyo date, two wall times, and the visit's terms. */
export interface RequestDraft {
  date: string;
  start: string;
  end: string;
  language: string;
  department: string;
  visitType: string;
  mode: string;
  interpreterGender: string;
  notes: string;
}

/** Fields whose change withdraws the offers out and asks again (the API's matchingFields). */
const REOFFERING: (keyof RequestDraft)[] = [
  'date',
  'start',
  'end',
  'language',
  'department',
  'visitType',
  'mode',
  'interpreterGender',
];

export function draftOf(request: RequestView): RequestDraft {
  return {
    date: tokyoDateOf(request.startsAt),
    start: tokyoTimeOf(request.startsAt),
    end: tokyoTimeOf(request.endsAt),
    language: request.language,
    department: request.department,
    visitType: request.visitType,
    mode: request.mode,
    interpreterGender: request.interpreterGender,
    notes: request.notes ?? '',
  };
}

/** The PATCH body: only what changed (the API refuses nothing it did not get). */
export function patchBody(before: RequestDraft, after: RequestDraft): Record<string, string> {
  const body: Record<string, string> = {};
  if (before.date !== after.date || before.start !== after.start) body.startsAt = tokyoIso(after.date, after.start);
  if (before.date !== after.date || before.end !== after.end) body.endsAt = tokyoIso(after.date, after.end);
  for (const key of ['language', 'department', 'visitType', 'mode', 'interpreterGender', 'notes'] as const) {
    if (before[key] !== after[key]) body[key] = after[key];
  }
  return body;
}

/** Whether saving these changes withdraws the offers already out and sends them again. */
export function reoffers(before: RequestDraft, after: RequestDraft): boolean {
  return REOFFERING.some((key) => before[key] !== after[key]);
}
