/**
 * The country and region codes date-holidays knows, without their names: what the background
 * needs to check settings and to know which countries have a holiday file (3 KB, where the index
 * with names is 16 KB). Made from utils/calendar/holiday-places.json by `npm run holidays:places`
 * (holiday-codes.json); a unit test checks the two agree.
 *
 * The index is provided to each context before anything checks a code: the background reads it
 * from the file the build ships (`calendar/holiday-codes.json`, utils/extension/holiday-files.ts)
 * while its database opens; the settings pages and Node code bring it in with the code
 * (./bundled-holiday-codes).
 */
export interface HolidayCodeIndex {
  /** The date-holidays release the codes come from. */
  package: string;
  /** Country code → its region codes (date-holidays "states"). */
  countries: Record<string, string[]>;
}

let index: HolidayCodeIndex | undefined;

/** A code checked before the index was provided: a wiring mistake, never a silent "unknown country". */
export class HolidayCodesNotLoadedError extends Error {
  constructor() {
    super('The index of holiday countries is not loaded yet.');
    this.name = 'HolidayCodesNotLoadedError';
  }
}

/** Makes the index available in this context (its shape is checked: a file read from the package). */
export function provideHolidayCodes(codes: unknown): void {
  const x = codes as Partial<HolidayCodeIndex> | null;
  const usable =
    !!x &&
    typeof x.package === 'string' &&
    typeof x.countries === 'object' &&
    x.countries !== null &&
    Object.values(x.countries).every((regions) => Array.isArray(regions) && regions.every((r) => typeof r === 'string'));
  if (!usable) throw new Error('The index of holiday countries is not usable.');
  index = x as HolidayCodeIndex;
}

export function hasHolidayCodes(): boolean {
  return index !== undefined;
}

function holidayCodes(): HolidayCodeIndex {
  if (!index) throw new HolidayCodesNotLoadedError();
  return index;
}

/** The code index of a place index: the same countries and regions, no names. */
export function codesOfPlaces(places: { package: string; countries: Record<string, { regions: Record<string, string> }> }): HolidayCodeIndex {
  return { package: places.package, countries: Object.fromEntries(Object.entries(places.countries).map(([code, { regions }]) => [code, Object.keys(regions)])) };
}

/** Whether date-holidays has public holidays for this country code (upper case, as the package spells it). */
export function hasHolidayCountry(code: string): boolean {
  return Object.hasOwn(holidayCodes().countries, code);
}

/** Whether the country has this region (state, province…) with holidays of its own. */
export function hasHolidayRegion(country: string, region: string): boolean {
  return hasHolidayCountry(country) && (holidayCodes().countries[country] ?? []).includes(region);
}
