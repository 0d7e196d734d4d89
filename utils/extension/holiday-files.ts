/**
 * Loads a country's public holidays from the file the build ships in the extension
 * (`holidays/<CC>.json`, see scripts/holidays/holiday-data-files.ts), and the index of the
 * countries and regions that have any (`calendar/holiday-codes.json`, scripts/holiday-codes-file.ts).
 * Used by the background (the team's country, before the SLA engine runs; the index while its
 * database opens, so settings are never checked without it) and by the settings pages (the
 * country picked; they carry the index themselves).
 */
import { browser, type PublicPath } from 'wxt/browser';
import { hasHolidayCodes, provideHolidayCodes } from '../calendar/holiday-codes';
import { loadHolidays } from '../calendar/holidays';

async function fetchHolidayFile(country: string): Promise<unknown> {
  const response = await fetch(browser.runtime.getURL(`/holidays/${country}.json` as PublicPath));
  if (!response.ok) throw new Error(`The public holidays of ${country} could not be read (${response.status}).`);
  return response.json();
}

let loadingCodes: Promise<void> | undefined;

/** Resolves once settings can be checked and holidays resolved in this context (at once where the index is bundled). */
export function loadHolidayCodes(): Promise<void> {
  if (hasHolidayCodes()) return Promise.resolve();
  loadingCodes ??= (async () => {
    const response = await fetch(browser.runtime.getURL('/calendar/holiday-codes.json' as PublicPath));
    if (!response.ok) throw new Error(`The index of holiday countries could not be read (${response.status}).`);
    provideHolidayCodes(await response.json());
  })().catch((error: unknown) => {
    loadingCodes = undefined;
    throw error;
  });
  return loadingCodes;
}

/** Resolves once `holidaysFor(country, …)` can answer in this context ('' and unknown countries at once). */
export function loadCountryHolidays(country: string): Promise<void> {
  if (hasHolidayCodes()) return loadHolidays(country, fetchHolidayFile);
  return loadHolidayCodes().then(() => loadHolidays(country, fetchHolidayFile));
}
