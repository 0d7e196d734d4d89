/**
 * Every key Caseline keeps in `browser.storage`, what it holds, and what "Erase this customer"
 * does to it ("Erase everything" empties both areas whole). Code reads and writes storage only
 * through these names: tests/unit/privacy/erase-registry.test.ts fails on any other key, and on
 * any use of `storage.sync` (it would copy data to the browser vendor's servers).
 *
 * `storage.local` is readable by the content scripts (the sidebar keeps its width there), so
 * nothing in it names a case or a customer;
 * `storage.session` is not (Chromium's default access level: trusted contexts only), lives in
 * memory and ends with the browser.
 */
export interface StorageKey {
  area: 'local' | 'session';
  key: string;
  holds: string;
  /** Nothing here is about a customer: case data lives in the database, which only the background opens. */
  customer: 'nothing';
}

export const STORAGE_KEYS = {
  sidebarUi: { area: 'local', key: 'caseline.sidebar.ui', holds: 'whether the sidebar is collapsed, and its width', customer: 'nothing' },
  sidebarCalendar: {
    area: 'local',
    key: 'caseline.sidebar.calendar',
    holds: 'the team’s business calendar (hours, holidays, closures) to warm the countdowns up',
    customer: 'nothing',
  },
  holidayCountry: {
    area: 'local',
    key: 'caseline.holidayCountry',
    holds: 'the country whose public holidays the deadlines use, so a waking background fetches its file at once',
    customer: 'nothing',
  },
  badgeSchedule: {
    area: 'session',
    key: 'caseline.badgeSchedule',
    holds: 'the deadline badge as last computed (a count, a colour, a title) and until when it holds, so a waking alarm need not open the database',
    customer: 'nothing',
  },
  atRiskNotified: {
    area: 'session',
    key: 'caseline.atRiskNotified',
    holds: 'for a lead, which unowned conversations were already flagged as about to breach: thread keys (salted hashes, no thread id) with the deadline (memory only, so a warning is not repeated while the browser runs)',
    customer: 'nothing',
  },
  syncSecret: {
    area: 'session',
    key: 'caseline.sync.secret',
    holds: 'the team server password, to sign in again when the session cookie expires (memory only)',
    customer: 'nothing',
  },
} as const satisfies Record<string, StorageKey>;
