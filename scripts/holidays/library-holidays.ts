/**
 * Public holidays computed by the full date-holidays package (its data for every country and its
 * parser), as the extension computed them before the data was split per country. Build and test
 * time only: the build writes per-country files from this, and the equivalence test compares the
 * extension's path with it. Never bundled (Node only).
 */
import Holidays from 'date-holidays';
import { MS_PER_DAY, formatIsoDate, parseIsoDate } from '../../utils/calendar/civil-date';

/** One year's public holidays (type 'public', substitute days included) of a country and optional region, sorted and unique. */
export function libraryHolidaysOfYear(calendar: Holidays, year: number): string[] {
  const dates = new Set<string>();
  for (const holiday of calendar.getHolidays(year) || []) {
    if (holiday.type !== 'public') continue;
    const first = parseIsoDate(holiday.date.slice(0, 10));
    if (first === undefined) continue;
    // Holidays lasting more than one day cover each of their dates.
    const span = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / MS_PER_DAY));
    for (let d = first; d < first + span; d++) dates.add(formatIsoDate(d));
  }
  return [...dates].sort();
}

/** The package's calendar for a country and optional region (state). */
export function libraryCalendar(country: string, region: string | undefined): Holidays {
  return region ? new Holidays(country, region) : new Holidays(country);
}

/** What `holidaysFor(country, region, years)` answered when it ran the whole package. */
export function libraryHolidays(country: string, region: string | undefined, years: number[]): string[] {
  const calendar = libraryCalendar(country, region);
  const dates = new Set<string>();
  for (const year of years) {
    if (!Number.isInteger(year)) continue;
    for (const day of libraryHolidaysOfYear(calendar, year)) dates.add(day);
  }
  return [...dates].sort();
}

/** Every country the package knows, with its name and its regions' names (English where it has them). */
export function libraryPlaces(): Record<string, { name: string; regions: Record<string, string> }> {
  const all = new Holidays();
  const places: Record<string, { name: string; regions: Record<string, string> }> = {};
  for (const [code, name] of Object.entries(all.getCountries('en') ?? {})) {
    places[code] = { name, regions: { ...(all.getStates(code, 'en') ?? {}) } };
  }
  return places;
}
