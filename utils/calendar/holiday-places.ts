/**
 * The countries and regions date-holidays knows, with their names: a small index generated from
 * the package (scripts/holidays/write-holiday-places.ts; a unit test checks it is current), so
 * the pickers need none of the holiday data itself. Checks that need no names use the codes
 * alone (./holiday-codes.ts).
 */
import places from './holiday-places.json';

export interface HolidayPlaceIndex {
  /** The date-holidays release the index comes from. */
  package: string;
  /** Country code → its name and its regions (date-holidays "states", code → name). */
  countries: Record<string, { name: string; regions: Record<string, string> }>;
}

export const HOLIDAY_PLACES: HolidayPlaceIndex = places;
