import type { Response } from 'express';
import { contentDisposition } from './visit-event';
import type { CalendarFile } from './calendar.service';

/**
 * Answers a calendar file: `text/calendar`, a file name that says which visit it is, and never
 * cached (a cancelled visit or a renewed address must not linger in a cache or a proxy).
 */
export function sendCalendar(res: Response, file: CalendarFile): string {
  res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
  res.setHeader('Content-Disposition', contentDisposition(file.fileName));
  res.setHeader('Cache-Control', 'no-store');
  return file.body;
}
