/** The text of utils/calendar/holiday-places.json as the installed date-holidays would make it. */
import { createRequire } from 'node:module';
import type { HolidayPlaceIndex } from '../../utils/calendar/holiday-places';
import { libraryPlaces } from './library-holidays';

export function holidayPlacesText(): string {
  const version = (createRequire(import.meta.url)('date-holidays/package.json') as { version: string }).version;
  const index: HolidayPlaceIndex = { package: `date-holidays ${version}`, countries: libraryPlaces() };
  return `${JSON.stringify(index)}\n`;
}
