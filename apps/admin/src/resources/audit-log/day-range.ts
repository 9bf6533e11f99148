import { tokyoDateAfter, tokyoDateOf, tokyoDayStart } from '../../lib/tokyo-input';

/**
 * The audit log's date filters as the API takes them: `from` inclusive, `to` exclusive (instants).
 * "Up to 3 December" is therefore the start of 4 December, Tokyo time, and shows back as the 3rd.
 */
export const fromDay = (date: string) => (date ? tokyoDayStart(date) : '');
export const toDayEnd = (date: string) => (date ? tokyoDayStart(tokyoDateAfter(new Date(tokyoDayStart(date)), 1)) : '');
export const dayOf = (iso?: string) => (iso ? String(iso).slice(0, 10) : '');
export const dayBeforeEnd = (iso?: string) => (iso ? tokyoDateOf(new Date(new Date(iso).getTime() - 1)) : '');
