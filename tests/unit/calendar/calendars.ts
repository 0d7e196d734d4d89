/** Calendars shared by the calendar tests. */
import type { BusinessCalendar, Weekday } from '../../../utils/calendar';

export function weekdays(timeZone: string, hours: Array<[string, string]>, holidays: string[] = [], extra: Partial<Record<Weekday, Array<[string, string]>>> = {}): BusinessCalendar {
  return {
    timeZone,
    week: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, ...extra },
    holidays,
  };
}

export function everyDay(timeZone: string, hours: Array<[string, string]>): BusinessCalendar {
  return { timeZone, week: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: hours, sun: hours }, holidays: [] };
}

export const iso = (d: Date) => d.toISOString();
export const at = (text: string) => new Date(text);
