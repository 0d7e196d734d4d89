/**
 * Every key Caseline keeps in `browser.storage`, and what "Erase this customer" does to it
 * ("Erase everything" empties both areas whole); what each holds, in words, is in
 * what-is-kept.ts. Code reads and writes storage only through these names:
 * tests/unit/privacy/erase-registry.test.ts fails on any other key, and on any use of
 * `storage.sync` (it would copy data to the browser vendor's servers).
 *
 * `storage.local` is readable by the content scripts (the sidebar keeps its width there), so
 * nothing in it names a case or a customer;
 * `storage.session` is not (Chromium's default access level: trusted contexts only), lives in
 * memory and ends with the browser.
 */
export interface StorageKey {
  area: 'local' | 'session';
  key: string;
  /** Nothing here is about a customer: case data lives in the database, which only the background opens. */
  customer: 'nothing';
}

export const STORAGE_KEYS = {
  sidebarUi: { area: 'local', key: 'caseline.sidebar.ui', customer: 'nothing' },
  sidebarCalendar: { area: 'local', key: 'caseline.sidebar.calendar', customer: 'nothing' },
  holidayCountry: { area: 'local', key: 'caseline.holidayCountry', customer: 'nothing' },
  badgeSchedule: { area: 'session', key: 'caseline.badgeSchedule', customer: 'nothing' },
  atRiskNotified: { area: 'session', key: 'caseline.atRiskNotified', customer: 'nothing' },
  syncSecret: { area: 'session', key: 'caseline.sync.secret', customer: 'nothing' },
} as const satisfies Record<string, StorageKey>;
