/**
 * The background checks holiday countries and regions against the index the build ships
 * (calendar/holiday-codes.json), not the module the pages and Node code bundle: the same index,
 * and a context never answers "unknown country" before it has one.
 */
import { describe, expect, it, vi } from 'vitest';
import { HOLIDAY_CODES_PATH, holidayCodesFileText } from '../../../scripts/holiday-codes-file';
import { extensionDataPaths } from '../../../scripts/extension-data-assets';
import codes from '../../../utils/calendar/holiday-codes.json';

/** The codes module as a context starts with it: nothing provided yet. */
async function freshCodes() {
  vi.resetModules();
  return import('../../../utils/calendar/holiday-codes');
}

describe('holiday code index file', () => {
  it('is the module’s index, shipped in the extension', () => {
    expect(JSON.parse(holidayCodesFileText())).toEqual(codes);
    expect(extensionDataPaths()).toContain(`/${HOLIDAY_CODES_PATH}`);
  });

  it('is needed before any code is checked; once provided it answers as the module does', async () => {
    const fresh = await freshCodes();
    expect(fresh.hasHolidayCodes()).toBe(false);
    expect(() => fresh.hasHolidayCountry('DE')).toThrow(fresh.HolidayCodesNotLoadedError);
    fresh.provideHolidayCodes(JSON.parse(holidayCodesFileText()));
    expect(fresh.hasHolidayCountry('DE')).toBe(true);
    expect(fresh.hasHolidayRegion('DE', 'BY')).toBe(true);
    expect(fresh.hasHolidayCountry('XX')).toBe(false);
    expect(fresh.hasHolidayRegion('DE', 'XX')).toBe(false);
  });

  it('refuses a file that is not an index', async () => {
    const fresh = await freshCodes();
    for (const bad of [null, {}, { package: 'x' }, { package: 'x', countries: { DE: 'BY' } }, { package: 'x', countries: { DE: [1] } }]) {
      expect(() => fresh.provideHolidayCodes(bad), JSON.stringify(bad)).toThrow(/not usable/);
    }
    expect(fresh.hasHolidayCodes()).toBe(false);
  });
});
