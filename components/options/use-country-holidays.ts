/**
 * The public holidays of the country picked on a settings page are read from the extension's
 * per-country file when it is chosen; until then the page says they are loading.
 */
import { useEffect, useState } from 'preact/hooks';
import { holidayBook } from '../../utils/calendar/holidays';
import { loadCountryHolidays } from '../../utils/extension/holiday-files';

export type CountryHolidaysState = { status: 'ready' } | { status: 'loading' } | { status: 'failed'; error: string };

export function useCountryHolidays(country: string): CountryHolidaysState {
  const [, setLoadedCount] = useState(0);
  const [failed, setFailed] = useState<{ country: string; error: string } | undefined>();
  const ready = holidayBook.ready(country);
  useEffect(() => {
    if (ready) return;
    let current = true;
    loadCountryHolidays(country).then(
      () => current && setLoadedCount((n) => n + 1),
      (error: unknown) => current && setFailed({ country, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [country, ready]);
  if (ready) return { status: 'ready' };
  if (failed?.country === country) return { status: 'failed', error: failed.error };
  return { status: 'loading' };
}
