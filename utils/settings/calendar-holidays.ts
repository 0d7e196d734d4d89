/**
 * The policy calendar's holiday list is derived: the public holidays of the chosen country and
 * region (date-holidays) for the years needed, plus the team's own closure days.
 */
import { holidaysFor } from '../calendar/holidays';
import type { CaselineSettings } from './settings';

/** This year and the next: enough for every deadline a case can have. */
export function holidayYears(now: Date): number[] {
  const year = now.getUTCFullYear();
  return [year, year + 1];
}

/** The public holidays of the settings' country and region in `years` (none without a country). */
export function publicHolidays(settings: Pick<CaselineSettings, 'holidays'>, years: number[]): string[] {
  const { country, region } = settings.holidays;
  if (country === '') return [];
  return holidaysFor(country, region === '' ? undefined : region, years);
}

/** The settings with policy.calendar.holidays rebuilt as public holidays ∪ own closure days, sorted. */
export function calendarWithHolidays(settings: CaselineSettings, years: number[]): CaselineSettings {
  const dates = new Set<string>(publicHolidays(settings, years));
  for (const day of settings.holidays.extra) dates.add(day);
  return {
    ...settings,
    policy: { ...settings.policy, calendar: { ...settings.policy.calendar, holidays: [...dates].sort() } },
  };
}
