/**
 * A request's reference: the 8 characters mail quotes (「依頼 50F20D10」) and staff read out on the
 * phone — its id's first 8 hex digits, upper case. `GET /api/requests?reference=` finds it (the
 * panel's search box sends what has been typed so far, so a shorter start also matches).
 */
export const requestReference = (id: string): string => id.slice(0, 8).toUpperCase();

export const REFERENCE_PATTERN = /^[0-9a-f]{1,8}$/i;

/** The id range a reference (or its start) covers, for a primary-key range scan. */
export function referenceRange(reference: string): { from: string; to: string } {
  const r = reference.toLowerCase();
  const uuid = (fill: string) => {
    const hex = r.padEnd(32, fill);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
  return { from: uuid('0'), to: uuid('f') };
}
