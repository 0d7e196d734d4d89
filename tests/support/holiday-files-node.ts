/**
 * Node (unit tests, e2e tests' own checks, benches): the per-country holiday files the build
 * ships are read from disk when a country is first asked for, instead of fetched from the
 * extension. Same files, same reading code (scripts/holidays/holiday-data-files.ts).
 */
import { holidayBook } from '../../utils/calendar/holidays';
import { countryHolidayFileText } from '../../scripts/holidays/holiday-data-files';

holidayBook.readWith((country) => JSON.parse(countryHolidayFileText(country)) as unknown);
