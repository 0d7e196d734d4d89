/**
 * The countries and regions date-holidays knows, for the holiday pickers and for validation.
 * Names come from date-holidays (in English, or the country's own language where it has no English name),
 * through the small generated index (utils/calendar/holiday-places.json): listing them loads no holiday data.
 */
import { hasHolidayCountry, hasHolidayRegion } from '../calendar/holiday-codes';
import { HOLIDAY_PLACES } from '../calendar/holiday-places';

export interface HolidayPlace {
  code: string;
  name: string;
}

let countries: HolidayPlace[] | undefined;

const byName = (a: HolidayPlace, b: HolidayPlace) => a.name.localeCompare(b.name, 'en');

/** Every country with public holidays, sorted by name. */
export function holidayCountries(): HolidayPlace[] {
  countries ??= Object.entries(HOLIDAY_PLACES.countries)
    .map(([code, { name }]) => ({ code, name }))
    .sort(byName);
  return countries;
}

/** The regions (states, provinces…) of a country with their own holidays, sorted by name; [] for none. */
export function holidayRegions(country: string): HolidayPlace[] {
  if (!isKnownHolidayCountry(country)) return [];
  return Object.entries(HOLIDAY_PLACES.countries[country]?.regions ?? {})
    .map(([code, name]) => ({ code, name }))
    .sort(byName);
}

export function isKnownHolidayCountry(country: string): boolean {
  return hasHolidayCountry(country);
}

export function isKnownHolidayRegion(country: string, region: string): boolean {
  return hasHolidayRegion(country, region);
}
