import { createEvent } from 'ics';

export interface CalendarEventInput {
  /** Stable across updates of the same event (e.g. `dispatch-<id>@kumamoto-dispatch`). */
  uid: string;
  startsAt: Date | string;
  endsAt: Date | string;
  summary: string;
  location: string;
  description: string;
  url?: string;
  /**
   * Cancels the event published earlier under the same `uid` (METHOD:CANCEL, STATUS:CANCELLED,
   * SEQUENCE 1 so that calendars take it as newer than the original, which has none).
   */
  cancelled?: boolean;
}

const instant = (value: Date | string): number => {
  const ms = new Date(value).getTime();
  if (Number.isNaN(ms)) throw new Error(`Not a date-time: ${String(value)}`);
  return ms;
};

/**
 * An iCalendar (RFC 5545) file with one event, in UTC, built by the `ics` library (which folds
 * lines and escapes text). Attach it as `text/calendar; charset=utf-8`.
 */
export function buildCalendarEvent(input: CalendarEventInput): string {
  const { error, value } = createEvent({
    uid: input.uid,
    productId: 'kumamoto-dispatch',
    method: input.cancelled ? 'CANCEL' : 'PUBLISH',
    ...(input.cancelled ? { sequence: 1 } : {}),
    start: instant(input.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: instant(input.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: input.summary,
    location: input.location,
    description: input.description,
    ...(input.url ? { url: input.url } : {}),
    status: input.cancelled ? 'CANCELLED' : 'CONFIRMED',
    busyStatus: 'BUSY',
  });
  if (error || !value) throw error ?? new Error('Could not build the calendar event');
  return foldToOctets(value);
}

/**
 * RFC 5545 §3.1 limits lines to 75 octets; the library folds at 75 characters, which Japanese
 * text (3 octets each in UTF-8) overshoots. Unfold, then fold again by octets, never inside a
 * character.
 */
function foldToOctets(ics: string): string {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  return lines
    .map((line) => {
      const parts: string[] = [];
      let current = '';
      let octets = 0;
      for (const char of line) {
        const size = Buffer.byteLength(char);
        if (octets + size > 75) {
          parts.push(current);
          current = ' ';
          octets = 1;
        }
        current += char;
        octets += size;
      }
      parts.push(current);
      return parts.join('\r\n');
    })
    .join('\r\n');
}
