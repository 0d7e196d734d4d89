/**
 * Business calendars and business-time arithmetic (pure TypeScript).
 *
 * Bundle size: `holidaysFor` needs the index of holiday country codes provided to the context
 * ('./holiday-codes'; the holidays themselves are per-country files loaded on demand, see
 * './holidays'). Code that ships
 * to a content script and does not need holidaysFor should import from './business-time' (and
 * './validate-calendar', './format-duration', './iso-instant') directly.
 */
export type { BusinessCalendar, Weekday } from './types';
export {
  isBusinessTime,
  nextBusinessTime,
  previousBusinessTime,
  addBusinessTime,
  businessMinutesBetween,
  addBusinessTimeMs,
  businessMinutesBetweenMs,
} from './business-time';
export { validateCalendar } from './validate-calendar';
export type { CalendarError, CalendarValidation } from './validate-calendar';
export { holidaysFor, loadHolidays, HolidayBook, HolidaysNotLoadedError } from './holidays';
export type { HolidayFileLoader } from './holidays';
export { formatBusinessDuration } from './format-duration';
export { formatIsoInstant, parseIsoInstant } from './iso-instant';
