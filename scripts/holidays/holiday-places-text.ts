/** The texts of utils/calendar/holiday-places.json and holiday-codes.json as the installed date-holidays would make them. */
import { createRequire } from 'node:module';
import { codesOfPlaces } from '../../utils/calendar/holiday-codes';
import type { HolidayPlaceIndex } from '../../utils/calendar/holiday-places';
import { libraryPlaces } from './library-holidays';

export function holidayPlacesText(): string {
  return `${JSON.stringify(holidayPlaces())}\n`;
}

/** The text of utils/calendar/holiday-codes.json: the same index without names. */
export function holidayCodesText(): string {
  return `${JSON.stringify(codesOfPlaces(holidayPlaces()))}\n`;
}

function holidayPlaces(): HolidayPlaceIndex {
  const version = (createRequire(import.meta.url)('date-holidays/package.json') as { version: string }).version;
  return { package: `date-holidays ${version}`, countries: libraryPlaces() };
}
