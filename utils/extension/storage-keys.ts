/**
 * Every key Caseline keeps in `browser.storage`, what it holds, and what "Erase this customer"
 * does to it ("Erase everything" empties both areas whole). Code reads and writes storage only
 * through these names: tests/unit/privacy/erase-registry.test.ts fails on any other key, and on
 * any use of `storage.sync` (it would copy data to the browser vendor's servers).
 *
 * `storage.local` is readable by the content scripts (the sidebar keeps its width there);
 * `storage.session` is not (Chromium's default access level: trusted contexts only), lives in
 * memory and ends with the browser.
 */
export interface StorageKey {
  area: 'local' | 'session';
  key: string;
  holds: string;
  /** 'case-list': an array of `<case id>@…` strings, filtered on a customer erasure. */
  customer: 'case-list' | 'nothing';
}

export const STORAGE_KEYS = {
  notified: {
    area: 'local',
    key: 'caseline.notified',
    holds: 'the deadlines already announced by a notification, as `<case id>@<due time>` (the last 500)',
    customer: 'case-list',
  },
  sidebarUi: { area: 'local', key: 'caseline.sidebar.ui', holds: 'whether the sidebar is collapsed, and its width', customer: 'nothing' },
  sidebarCalendar: {
    area: 'local',
    key: 'caseline.sidebar.calendar',
    holds: 'the team’s business calendar (hours, holidays, closures) to warm the countdowns up',
    customer: 'nothing',
  },
  syncSecret: {
    area: 'session',
    key: 'caseline.sync.secret',
    holds: 'the team server password, to sign in again when the session cookie expires (memory only)',
    customer: 'nothing',
  },
} as const satisfies Record<string, StorageKey>;

/** Whether a `case-list` entry (`<case id>@…`) is about one of `caseIds`. */
export function entryIsAbout(entry: string, caseIds: ReadonlySet<string>): boolean {
  const at = entry.lastIndexOf('@');
  return caseIds.has(at < 0 ? entry : entry.slice(0, at));
}
