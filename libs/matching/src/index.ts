export * from './matching-config';
export * from './availability';
export * from './snapshot.types';
export * from './rank';
export * from './swaps';
export * from './shadow-seat';
export {
  PROGRAMME_TIME_ZONE,
  toTokyoWallTime,
  parseCalendarDate,
  daysFromCivil,
  weekdayOfDay,
  formatCalendarDate,
  tokyoMonthBounds,
  type TokyoWallTime,
} from './tokyo-time';
