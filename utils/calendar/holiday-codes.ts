/**
 * The country and region codes date-holidays knows, without their names: what the background
 * needs to check settings and to know which countries have a holiday file (3 KB, where the index
 * with names is 16 KB). Made from utils/calendar/holiday-places.json by `npm run holidays:places`;
 * a unit test checks the two agree.
 */
import codes from './holiday-codes.json';

export interface HolidayCodeIndex {
  /** The date-holidays release the codes come from. */
  package: string;
  /** Country code → its region codes (date-holidays "states"). */
  countries: Record<string, string[]>;
}

export const HOLIDAY_CODES: HolidayCodeIndex = codes;

/** The code index of a place index: the same countries and regions, no names. */
export function codesOfPlaces(places: { package: string; countries: Record<string, { regions: Record<string, string> }> }): HolidayCodeIndex {
  return { package: places.package, countries: Object.fromEntries(Object.entries(places.countries).map(([code, { regions }]) => [code, Object.keys(regions)])) };
}

/** Whether date-holidays has public holidays for this country code (upper case, as the package spells it). */
export function hasHolidayCountry(code: string): boolean {
  return Object.hasOwn(HOLIDAY_CODES.countries, code);
}

/** Whether the country has this region (state, province…) with holidays of its own. */
export function hasHolidayRegion(country: string, region: string): boolean {
  return hasHolidayCountry(country) && (HOLIDAY_CODES.countries[country] ?? []).includes(region);
}
