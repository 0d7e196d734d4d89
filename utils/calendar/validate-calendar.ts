/** Checks a BusinessCalendar before the engine uses it; every message names its field. */
import type { BusinessCalendar, Weekday } from './types';
import { parseIsoDate } from './civil-date';
import { isKnownTimeZone } from './zone-offset';

export interface CalendarError {
  /** The field at fault, e.g. 'timeZone', 'week.mon[1]', 'holidays[0]'. */
  field: string;
  message: string;
}

export type CalendarValidation = { ok: true } | { ok: false; errors: CalendarError[] };

const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Minutes after local midnight of 'HH:MM' ('24:00' only when `asEnd`), or undefined. */
export function parseClockTime(text: unknown, asEnd: boolean): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(text);
  if (!m) return undefined;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  if (minutes > 24 * 60 || (minutes === 24 * 60 && !asEnd)) return undefined;
  return minutes;
}

export function validateCalendar(cal: BusinessCalendar): CalendarValidation {
  const errors: CalendarError[] = [];
  if (cal === null || typeof cal !== 'object') {
    return { ok: false, errors: [{ field: 'calendar', message: 'calendar must be an object with timeZone, week and holidays' }] };
  }
  if (typeof cal.timeZone !== 'string' || cal.timeZone.trim() === '') {
    errors.push({ field: 'timeZone', message: 'timeZone is required: an IANA zone such as "Europe/London"' });
  } else if (!isKnownTimeZone(cal.timeZone)) {
    errors.push({ field: 'timeZone', message: `timeZone "${cal.timeZone}" is not a known IANA time zone` });
  }

  let totalMinutes = 0;
  if (cal.week === null || typeof cal.week !== 'object' || Array.isArray(cal.week)) {
    errors.push({ field: 'week', message: 'week must map weekdays (mon … sun) to lists of ["HH:MM", "HH:MM"] intervals' });
  } else {
    for (const key of Object.keys(cal.week)) {
      if (!(WEEKDAYS as readonly string[]).includes(key)) {
        errors.push({ field: `week.${key}`, message: `week.${key} is not a weekday: use mon, tue, wed, thu, fri, sat or sun` });
      }
    }
    for (const day of WEEKDAYS) {
      const intervals: unknown = cal.week[day];
      if (intervals === undefined) continue;
      if (!Array.isArray(intervals)) {
        errors.push({ field: `week.${day}`, message: `week.${day} must be a list of ["HH:MM", "HH:MM"] intervals` });
        continue;
      }
      const parsed: Array<{ start: number; end: number; index: number }> = [];
      intervals.forEach((interval: unknown, index) => {
        const field = `week.${day}[${index}]`;
        if (!Array.isArray(interval) || interval.length !== 2) {
          errors.push({ field, message: `${field} must be a pair ["HH:MM", "HH:MM"]` });
          return;
        }
        const start = parseClockTime(interval[0], false);
        const end = parseClockTime(interval[1], true);
        if (start === undefined) {
          errors.push({ field, message: `${field} opens at ${JSON.stringify(interval[0])}: expected "HH:MM" from 00:00 to 23:59` });
        }
        if (end === undefined) {
          errors.push({ field, message: `${field} closes at ${JSON.stringify(interval[1])}: expected "HH:MM" from 00:01 to 24:00` });
        }
        if (start === undefined || end === undefined) return;
        if (end <= start) {
          errors.push({ field, message: `${field} closes (${String(interval[1])}) at or before it opens (${String(interval[0])})` });
          return;
        }
        parsed.push({ start, end, index });
      });
      parsed.sort((a, b) => a.start - b.start);
      for (let i = 1; i < parsed.length; i++) {
        const prev = parsed[i - 1];
        const cur = parsed[i];
        if (prev && cur && cur.start < prev.end) {
          errors.push({
            field: `week.${day}[${cur.index}]`,
            message: `week.${day}[${cur.index}] overlaps week.${day}[${prev.index}]`,
          });
        }
      }
      for (const p of parsed) totalMinutes += p.end - p.start;
    }
    if (totalMinutes === 0 && errors.every((e) => !e.field.startsWith('week'))) {
      errors.push({ field: 'week', message: 'week has no business hours at all: give at least one day an interval' });
    }
  }

  if (!Array.isArray(cal.holidays)) {
    errors.push({ field: 'holidays', message: 'holidays must be a list of local dates "YYYY-MM-DD" (it may be empty)' });
  } else {
    cal.holidays.forEach((date: unknown, index) => {
      if (typeof date !== 'string' || parseIsoDate(date) === undefined) {
        errors.push({ field: `holidays[${index}]`, message: `holidays[${index}] ${JSON.stringify(date)} is not a date "YYYY-MM-DD"` });
      }
    });
  }
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}
