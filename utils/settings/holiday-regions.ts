/**
 * The countries and regions date-holidays knows, for the holiday pickers and for validation.
 * Names come from date-holidays (in English, or the country's own language where it has no English name).
 */
import Holidays from 'date-holidays';

export interface HolidayPlace {
  code: string;
  name: string;
}

let countries: HolidayPlace[] | undefined;

/** Every country with public holidays, sorted by name. */
export function holidayCountries(): HolidayPlace[] {
  if (!countries) {
    const found = new Holidays().getCountries('en') ?? {};
    countries = Object.entries(found)
      .map(([code, name]) => ({ code, name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  }
  return countries;
}

/** The regions (states, provinces…) of a country with their own holidays, sorted by name; [] for none. */
export function holidayRegions(country: string): HolidayPlace[] {
  if (!isKnownHolidayCountry(country)) return [];
  const found = new Holidays().getStates(country, 'en') ?? {};
  return Object.entries(found)
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

export function isKnownHolidayCountry(country: string): boolean {
  return holidayCountries().some((c) => c.code === country);
}

export function isKnownHolidayRegion(country: string, region: string): boolean {
  return holidayRegions(country).some((r) => r.code === region);
}
