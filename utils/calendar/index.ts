/**
 * Business calendars and business-time arithmetic (pure TypeScript).
 *
 * Bundle size: `holidaysFor` brings date-holidays (about 1 MB minified), and bundlers keep it even
 * when unused because the package does not declare itself free of side effects. Code that ships
 * to a content script or page and does not need holidaysFor should import from
 * './business-time' (and './validate-calendar', './format-duration', './iso-instant') directly.
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
export { holidaysFor } from './holidays';
export { formatBusinessDuration } from './format-duration';
export { formatIsoInstant, parseIsoInstant } from './iso-instant';
