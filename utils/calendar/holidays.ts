/**
 * Public holidays as the local dates a BusinessCalendar lists, read from the per-country files
 * the build generates from date-holidays (see holiday-file.ts). Each context loads only the
 * countries it uses: it hands `loadHolidays` a function that fetches a file (the background and
 * the pages: utils/extension/holiday-files.ts), then asks `holidaysFor` synchronously. Node code
 * (tests, benches) may instead let files be read from disk when first asked for. Which countries
 * have a file is the index of codes (./holiday-codes.ts), provided to the context beforehand.
 */
import { holidaysInFile, parseHolidayFile, type CountryHolidayFile } from './holiday-file';
import { hasHolidayCountry } from './holiday-codes';

/** Whether a country has holidays to load ('' is none, and needs no index of codes to say so). */
const hasHolidays = (code: string): boolean => code !== '' && hasHolidayCountry(code);

/** Fetches the raw JSON of one country's file (code in upper case). */
export type HolidayFileLoader = (country: string) => Promise<unknown>;

/** Asked for a country whose file was not loaded: a wiring mistake, never a silent empty list. */
export class HolidaysNotLoadedError extends Error {
  constructor(readonly country: string) {
    super(`The public holidays of ${country} are not loaded yet.`);
    this.name = 'HolidaysNotLoadedError';
  }
}

/** The countries' files a context has loaded. One per context (`holidayBook`); tests make their own. */
export class HolidayBook {
  private readonly loaded = new Map<string, CountryHolidayFile>();
  private readonly loading = new Map<string, Promise<void>>();
  private readNow: ((country: string) => unknown) | undefined;

  /**
   * Makes a country's holidays available: loads its file once (concurrent calls share one load).
   * Nothing to load for no country ('') or one date-holidays does not know. A failed load rejects
   * and is tried again on the next call.
   */
  load(country: string, loader: HolidayFileLoader): Promise<void> {
    const code = country.toUpperCase();
    if (this.loaded.has(code) || !hasHolidays(code)) return Promise.resolve();
    let pending = this.loading.get(code);
    if (!pending) {
      pending = loader(code)
        .then((raw) => void this.loaded.set(code, parseHolidayFile(raw, code)))
        .finally(() => this.loading.delete(code));
      this.loading.set(code, pending);
    }
    return pending;
  }

  /** Whether `holidaysFor` can answer for this country now. */
  ready(country: string): boolean {
    const code = country.toUpperCase();
    return !hasHolidays(code) || this.loaded.has(code) || this.readNow !== undefined;
  }

  /** For Node: a country's file is read synchronously the first time it is asked for. */
  readWith(read: (country: string) => unknown): void {
    this.readNow = read;
  }

  /** See `holidaysFor`. */
  holidaysFor(country: string, region: string | undefined, years: number[]): string[] {
    const code = country.toUpperCase();
    if (!hasHolidays(code)) return [];
    let file = this.loaded.get(code);
    if (!file && this.readNow) {
      file = parseHolidayFile(this.readNow(code), code);
      this.loaded.set(code, file);
    }
    if (!file) throw new HolidaysNotLoadedError(code);
    return holidaysInFile(file, region, years);
  }
}

/** This context's loaded countries. */
export const holidayBook = new HolidayBook();

/** Loads a country's holidays into this context (see HolidayBook.load). */
export const loadHolidays = (country: string, loader: HolidayFileLoader): Promise<void> => holidayBook.load(country, loader);

/**
 * The public holidays (type 'public', substitute days included) of a country and optional
 * region (date-holidays codes, e.g. 'GB', 'SCT') in the given years, as sorted unique 'YYYY-MM-DD'.
 * An unknown country gives []; an unknown region gives the country's holidays. Years outside the
 * span the build generated (scripts/holidays/holiday-data-files.ts) give none. The country must
 * have been loaded in this context (`loadHolidays`), else HolidaysNotLoadedError.
 */
export function holidaysFor(country: string, region: string | undefined, years: number[]): string[] {
  return holidayBook.holidaysFor(country, region, years);
}
