/** Public holidays from date-holidays, as the local dates a BusinessCalendar lists. */
import Holidays from 'date-holidays';
import { MS_PER_DAY, formatIsoDate, parseIsoDate } from './civil-date';

/**
 * The public holidays (type 'public', substitute days included) of a country and optional
 * region (ISO codes, e.g. 'GB', 'SCT') in the given years, as sorted unique 'YYYY-MM-DD'.
 * An unknown country gives []; an unknown region gives the country's holidays.
 */
export function holidaysFor(country: string, region: string | undefined, years: number[]): string[] {
  const calendar = region ? new Holidays(country, region) : new Holidays(country);
  const dates = new Set<string>();
  for (const year of years) {
    if (!Number.isInteger(year)) continue;
    const found = calendar.getHolidays(year) || [];
    for (const holiday of found) {
      if (holiday.type !== 'public') continue;
      const first = parseIsoDate(holiday.date.slice(0, 10));
      if (first === undefined) continue;
      // Holidays lasting more than one day cover each of their dates.
      const span = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / MS_PER_DAY));
      for (let d = first; d < first + span; d++) dates.add(formatIsoDate(d));
    }
  }
  return [...dates].sort();
}
