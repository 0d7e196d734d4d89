/**
 * Build step: one file of public holidays per country (`holidays/<CC>.json`, format in
 * utils/calendar/holiday-file.ts), computed by date-holidays' own data and parser for every year
 * of HOLIDAY_FILE_YEARS, national and per region. wxt.config.ts adds them to the extension's
 * output; the unit tests read them too. Computing all of them takes a while (half a minute), so
 * each file is kept in node_modules/.cache under a key made of the package versions and this
 * code: a later build or test run reads it back, and any change to either makes new files.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CountryHolidayFile, RegionHolidayChanges } from '../../utils/calendar/holiday-file';
import { HOLIDAY_PLACES } from '../../utils/calendar/holiday-places';
import { libraryCalendar, libraryHolidaysOfYear } from './library-holidays';

/**
 * The years the files cover. Deadlines need this year and the next; the span starts before the
 * equivalence test's 2020–2035 and leaves two decades of headroom. Later years need a release
 * with a later span (the options page then shows no public holidays for them).
 */
export const HOLIDAY_FILE_YEARS: [number, number] = [2020, 2045];

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

function packageVersion(name: string): string {
  return (require(`${name}/package.json`) as { version: string }).version;
}

/** Changes whenever the package, its parser, the span or the code that writes the files changes. */
function cacheKey(): string {
  const hash = createHash('sha256');
  hash.update(`date-holidays ${packageVersion('date-holidays')} parser ${packageVersion('date-holidays-parser')} years ${HOLIDAY_FILE_YEARS.join('-')}\n`);
  for (const file of ['holiday-data-files.ts', 'library-holidays.ts']) hash.update(readFileSync(join(here, file)));
  return hash.digest('hex').slice(0, 16);
}

let cacheDir: string | undefined;
function cacheDirectory(): string {
  cacheDir ??= resolve(here, '../../node_modules/.cache/caseline-holidays', cacheKey());
  return cacheDir;
}

/** A day in a year's list: 'MMDD' when it falls in that year, 'YYYYMMDD' otherwise. */
function token(date: string, year: number): string {
  const compact = date.replaceAll('-', '');
  return date.startsWith(`${year}-`) ? compact.slice(4) : compact;
}

/** Computes one country's file with the full package (slow: every region, every year). */
export function computeCountryHolidayFile(country: string): CountryHolidayFile {
  const [first, last] = HOLIDAY_FILE_YEARS;
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const nationalCalendar = libraryCalendar(country, undefined);
  const national = years.map((year) => libraryHolidaysOfYear(nationalCalendar, year));
  const regions: Record<string, RegionHolidayChanges> = {};
  for (const region of Object.keys(HOLIDAY_PLACES.countries[country]?.regions ?? {})) {
    const calendar = libraryCalendar(country, region);
    const add: string[] = [];
    const remove: string[] = [];
    years.forEach((year, i) => {
      const own = new Set(libraryHolidaysOfYear(calendar, year));
      const base = new Set(national[i]);
      add.push([...own].filter((d) => !base.has(d)).map((d) => token(d, year)).join(' '));
      remove.push([...base].filter((d) => !own.has(d)).map((d) => token(d, year)).join(' '));
    });
    const changes: RegionHolidayChanges = {};
    if (add.some((list) => list !== '')) changes.add = add;
    if (remove.some((list) => list !== '')) changes.remove = remove;
    regions[region.toUpperCase()] = changes;
  }
  return {
    format: 1,
    country,
    years: [first, last],
    national: national.map((dates, i) => dates.map((d) => token(d, first + i)).join(' ')),
    regions,
  };
}

/** Where one country's file is on disk: computed (and cached) first if it is not there yet. */
export function countryHolidayFilePath(country: string): string {
  const path = join(cacheDirectory(), `${country}.json`);
  if (existsSync(path)) return path;
  const text = JSON.stringify(computeCountryHolidayFile(country));
  mkdirSync(dirname(path), { recursive: true });
  // Written aside then renamed, so a build and a test run at once never read half a file.
  const partial = `${path}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(partial, text);
  renameSync(partial, path);
  return path;
}

/** One country's file as JSON text. */
export function countryHolidayFileText(country: string): string {
  return readFileSync(countryHolidayFilePath(country), 'utf8');
}

/** Every country date-holidays knows, in code order. */
export function holidayCountryCodes(): string[] {
  return Object.keys(HOLIDAY_PLACES.countries).sort();
}

/** Where a country's file goes in the extension. */
export const holidayFilePath = (country: string): string => `holidays/${country}.json`;

/** The files for the extension's output, as WXT's generated public files. */
export function holidayDataAssets(): Array<{ relativeDest: string; contents: string }> {
  return holidayCountryCodes().map((country) => ({ relativeDest: holidayFilePath(country), contents: countryHolidayFileText(country) }));
}
