/**
 * One country's public holidays as the build ships them (`holidays/<CC>.json`): the dates
 * date-holidays' own data and parser give for every year of a fixed span, written by
 * scripts/holidays/holiday-data-files.ts. Nothing here computes a rule; the extension only reads
 * the dates back, so the rules stay the library's and no parser runs in the extension.
 *
 * Layout (format 1), compact because a country with many regions repeats most dates:
 * - `national[i]`: the country's public holidays of year `years[0] + i`, space-separated, each
 *   'MMDD' for a day of that year or 'YYYYMMDD' for a day of another year (the tail of a holiday
 *   that runs past New Year).
 * - `regions[CODE]`: per year the days a region adds to the national list and the national days
 *   it does not keep, same notation; `add`/`remove` are left out when empty in every year.
 */

export interface RegionHolidayChanges {
  add?: string[];
  remove?: string[];
}

export interface CountryHolidayFile {
  format: 1;
  /** ISO 3166 code, upper case, as date-holidays spells it. */
  country: string;
  /** First and last year covered, inclusive. */
  years: [number, number];
  national: string[];
  /** Region (date-holidays "state") codes in upper case. */
  regions: Record<string, RegionHolidayChanges>;
}

const DAY_TOKEN = /^(?:\d{4}|\d{8})$/;

/** 'YYYY-MM-DD' of one token of year `year`'s list. */
function tokenDate(token: string, year: number): string {
  return token.length === 4 ? `${year}-${token.slice(0, 2)}-${token.slice(2)}` : `${token.slice(0, 4)}-${token.slice(4, 6)}-${token.slice(6)}`;
}

function tokens(list: string | undefined): string[] {
  return list ? list.split(' ') : [];
}

/**
 * The public holidays of the file's country, or of one of its regions, in `years`: sorted unique
 * 'YYYY-MM-DD'. An unknown region gives the national holidays; years outside the file's span and
 * years that are not whole numbers give none.
 */
export function holidaysInFile(file: CountryHolidayFile, region: string | undefined, years: number[]): string[] {
  const changes = region ? file.regions[region.toUpperCase()] : undefined;
  const dates = new Set<string>();
  for (const year of years) {
    if (!Number.isInteger(year) || year < file.years[0] || year > file.years[1]) continue;
    const i = year - file.years[0];
    const removed = new Set(tokens(changes?.remove?.[i]));
    for (const token of tokens(file.national[i])) if (!removed.has(token)) dates.add(tokenDate(token, year));
    for (const token of tokens(changes?.add?.[i])) dates.add(tokenDate(token, year));
  }
  return [...dates].sort();
}

function isYearLists(value: unknown, length: number): value is string[] {
  return Array.isArray(value) && value.length === length && value.every((list) => typeof list === 'string' && tokens(list).every((t) => DAY_TOKEN.test(t)));
}

/** Checks a loaded file's shape (it comes from the extension's own package, but a broken file must not pass silently). */
export function parseHolidayFile(input: unknown, country: string): CountryHolidayFile {
  const file = input as Partial<CountryHolidayFile> | null;
  const bad = (why: string) => new Error(`the public holidays file of ${country} is not usable: ${why}`);
  if (file === null || typeof file !== 'object' || file.format !== 1) throw bad('unknown format');
  if (file.country !== country) throw bad(`it is the file of ${String(file.country)}`);
  const span = file.years;
  if (!Array.isArray(span) || span.length !== 2 || !Number.isInteger(span[0]) || !Number.isInteger(span[1]) || span[1] < span[0]) throw bad('no span of years');
  const length = span[1] - span[0] + 1;
  if (!isYearLists(file.national, length)) throw bad('the national list does not cover its years');
  if (file.regions === null || typeof file.regions !== 'object') throw bad('no regions');
  for (const [code, changes] of Object.entries(file.regions)) {
    const ok = changes !== null && typeof changes === 'object' && (changes.add === undefined || isYearLists(changes.add, length)) && (changes.remove === undefined || isYearLists(changes.remove, length));
    if (!ok) throw bad(`region ${code} does not cover its years`);
  }
  return file as CountryHolidayFile;
}
