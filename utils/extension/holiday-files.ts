/**
 * Loads a country's public holidays from the file the build ships in the extension
 * (`holidays/<CC>.json`, see scripts/holidays/holiday-data-files.ts). Used by the background
 * (the team's country, before the SLA engine runs) and by the settings pages (the country picked).
 */
import { browser, type PublicPath } from 'wxt/browser';
import { loadHolidays } from '../calendar/holidays';

async function fetchHolidayFile(country: string): Promise<unknown> {
  const response = await fetch(browser.runtime.getURL(`/holidays/${country}.json` as PublicPath));
  if (!response.ok) throw new Error(`The public holidays of ${country} could not be read (${response.status}).`);
  return response.json();
}

/** Resolves once `holidaysFor(country, …)` can answer in this context ('' and unknown countries at once). */
export function loadCountryHolidays(country: string): Promise<void> {
  return loadHolidays(country, fetchHolidayFile);
}
