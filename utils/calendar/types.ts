/** A day of the week, as used in `BusinessCalendar.week`. */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** The weekdays in JavaScript's `getUTCDay()` order (Sunday first). */
export const WEEKDAYS_FROM_SUNDAY: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/**
 * When a team works. Treated as immutable: the engine caches what it derives from a calendar
 * object, so change hours by making a new object.
 */
export interface BusinessCalendar {
  /** IANA zone, e.g. 'Europe/Madrid'. */
  timeZone: string;
  /** Local 'HH:MM' intervals per weekday, half-open; '24:00' is allowed as an end. */
  week: Partial<Record<Weekday, Array<[string, string]>>>;
  /** Local dates 'YYYY-MM-DD' with no business time. */
  holidays: string[];
}
