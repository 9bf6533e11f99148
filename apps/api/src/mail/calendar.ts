import { createEvents, type EventAttributes } from 'ics';

/** A reminder `minutesBefore` the event starts, shown with `description`. */
export interface CalendarAlarm {
  minutesBefore: number;
  description: string;
}

export interface CalendarEventInput {
  /** Stable across updates of the same event (e.g. `dispatch-<id>@kumamoto-dispatch`). */
  uid: string;
  startsAt: Date | string;
  endsAt: Date | string;
  summary: string;
  location: string;
  description: string;
  url?: string;
  /** Revision of the event under its `uid` (RFC 5545 SEQUENCE); 0 when absent. */
  sequence?: number;
  alarms?: CalendarAlarm[];
  /**
   * Cancels the event published earlier under the same `uid`: STATUS:CANCELLED with the next
   * SEQUENCE, so that calendars take it as newer than the one they hold.
   */
  cancelled?: boolean;
}

export interface CalendarOptions {
  /** The calendar's name in a subscribing app (X-WR-CALNAME). */
  name?: string;
  /** DTSTAMP: when the file was made (the app clock); now when absent. */
  stamp?: Date;
}

const instant = (value: Date | string): number => {
  const ms = new Date(value).getTime();
  if (Number.isNaN(ms)) throw new Error(`Not a date-time: ${String(value)}`);
  return ms;
};

/** RFC 5545 §3.3.11 TEXT: backslash, semicolon and comma escaped, line breaks as `\n`. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r?\n|\r/g, '\\n');
}

/** `-PT24H` / `-PT90M`: a duration before the start that every calendar reads (never the library's `P1DT`). */
function trigger(minutesBefore: number) {
  if (!Number.isInteger(minutesBefore) || minutesBefore < 0) throw new Error(`Not a reminder: ${minutesBefore}`);
  return minutesBefore % 60 === 0
    ? { hours: minutesBefore / 60, before: true }
    : { minutes: minutesBefore, before: true };
}

/** DTSTAMP (`timestamp`) is read by the library but missing from its types. */
type StampedEvent = EventAttributes & { timestamp: number };

function attributes(input: CalendarEventInput, stamp: number): StampedEvent {
  const sequence = (input.sequence ?? 0) + (input.cancelled ? 1 : 0);
  return {
    uid: input.uid,
    timestamp: stamp,
    ...(sequence > 0 ? { sequence } : {}),
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
    busyStatus: input.cancelled ? 'FREE' : 'BUSY',
    // The library escapes SUMMARY, LOCATION and DESCRIPTION but not an alarm's text.
    ...(input.alarms?.length && !input.cancelled
      ? {
          alarms: input.alarms.map((alarm) => ({
            action: 'display' as const,
            description: escapeText(alarm.description),
            trigger: trigger(alarm.minutesBefore),
          })),
        }
      : {}),
  };
}

/**
 * An iCalendar (RFC 5545) file, times in UTC, written by the `ics` library (which escapes text and
 * ends lines with CRLF) and folded again at 75 octets. One cancelled event makes a METHOD:CANCEL
 * file, which takes the event off the calendar that holds it; anything else is METHOD:PUBLISH.
 * Attach or serve it as `text/calendar; charset=utf-8`.
 */
export function buildCalendar(events: CalendarEventInput[], options: CalendarOptions = {}): string {
  const stamp = (options.stamp ?? new Date()).getTime();
  const cancel = events.length === 1 && events[0].cancelled === true;
  const { error, value } = createEvents(
    events.map((event) => attributes(event, stamp)),
    {
      productId: '-//Medical Support Kumamoto//kumamoto-dispatch//JA',
      method: cancel ? 'CANCEL' : 'PUBLISH',
      ...(options.name ? { calName: options.name } : {}),
    },
  );
  if (error || !value) throw error ?? new Error('Could not build the calendar');
  return foldToOctets(value);
}

/** A file with one event (a confirmation's attachment, a dispatch's calendar link). */
export function buildCalendarEvent(input: CalendarEventInput, options: CalendarOptions = {}): string {
  return buildCalendar([input], options);
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
