/** The "add a ban" dialog's values to the API's body (POST /api/volunteers/:id/bans). */

/** A hospital asked, or the patient of a request (found by its reference). */
export type BanKind = 'hospital' | 'patient';

/** A reference as typed or pasted from a mail (「依頼 50f2 0d10」) → 50F20D10; '' when none. */
export function normaliseReference(typed: string): string {
  return typed
    .replace(/依頼|request|[\s#:：-]/gi, '')
    .toUpperCase()
    .trim();
}

/** Exactly one of hospitalId / requestId, as the API wants, and the reason trimmed. */
export function banBody(input: { kind: BanKind; hospitalId?: string; requestId?: string; reason: string }) {
  const reason = input.reason.trim();
  return input.kind === 'hospital' ? { hospitalId: input.hospitalId, reason } : { requestId: input.requestId, reason };
}

/** A whole reference as quoted in mails: 8 characters 0–9 / A–F (the API's search also takes a start). */
export const isWholeReference = (reference: string) => /^[0-9A-F]{8}$/.test(reference);
