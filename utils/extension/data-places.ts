/**
 * Every place the extension keeps data, and what each erasure does there: the one list "Erase
 * everything" and "Erase this customer" walk. The database's own stores are listed store by
 * store in utils/db/erasure.ts; this list adds what lives outside it (browser storage,
 * notifications, the badge, memory, open mailbox tabs, the team server).
 *
 * To add a place: give it an entry in `dataPlaces` (or in STORE_ERASURE for a new object store,
 * or STORAGE_KEYS for a new storage key), and say what it holds in what-is-kept.ts (the compiler
 * asks for it). tests/unit/privacy/erase-registry.test.ts checks the lists against the database
 * schema and the code that writes storage; tests/e2e/erase.test.ts fills every place through the
 * extension's own UI, erases, and looks in each place.
 */
import { browser } from 'wxt/browser';
import type { CaselineDb } from '../db/schema';
import { eraseCustomer as eraseCustomerRecords, eraseEverything as eraseAllRecords } from '../db/erasure';
import { clearBadge, forgetDeadlineAlerts } from './deadline-alerts';

export type PlaceArea = 'indexeddb' | 'storage.local' | 'storage.session' | 'notifications' | 'badge' | 'memory' | 'mailbox tabs' | 'team server';

export type PlaceResult = { ok: true } | { ok: false; error: string };

/** A customer's cases, once the database has erased them. */
export interface ErasedCustomer {
  caseIds: readonly string[];
}

/** Stable names of the places (docs/security.md and the tests use them; what each holds, in words: what-is-kept.ts). */
export type PlaceId = 'team-server' | 'indexeddb' | 'storage.local' | 'storage.session' | 'notifications' | 'badge' | 'background-memory' | 'mailbox-tabs';

export interface DataPlace {
  id: PlaceId;
  area: PlaceArea;
  /** "Erase everything". A refusal stops the erasure before anything was removed (only the first places may refuse). */
  everything(): Promise<PlaceResult | void>;
  /** "Erase this customer", after the database removed the customer's records. */
  customer(erased: ErasedCustomer): Promise<void>;
}

/** What the background hands in: its database and the parts of its memory that hold data. */
export interface PlaceDeps {
  db: () => Promise<CaselineDb>;
  /** Drops every in-memory copy of records (settings, what was last read, derived states, tab map); `caseIds` only those cases' where possible. */
  forgetMemory: (caseIds?: readonly string[]) => void;
  /** Recounts the badge after a customer erasure. */
  refreshBadge: () => Promise<void>;
  /** The team server: send queued erasures, sign out, forget the connection (SyncService.forgetConnection). */
  forgetTeamConnection: () => Promise<PlaceResult>;
  /** After a customer erasure with sync on: push the erasure request soon. */
  kickSync: () => Promise<void>;
  /** Tells every open mailbox tab to drop what it shows of these cases (undefined: of every case). */
  tellTabs: (caseIds?: readonly string[]) => Promise<void>;
}

/** The places outside the database, in the order "Erase everything" visits them (the team server first: it needs the settings the database still holds, and may refuse). */
export function dataPlaces(deps: PlaceDeps): DataPlace[] {
  return [
    {
      id: 'team-server',
      area: 'team server',
      everything: deps.forgetTeamConnection,
      customer: deps.kickSync,
    },
    {
      id: 'indexeddb',
      area: 'indexeddb',
      everything: async () => eraseAllRecords(await deps.db()),
      // The database goes first in a customer erasure (it finds the cases): see eraseCustomerEverywhere.
      customer: async () => undefined,
    },
    {
      id: 'storage.local',
      area: 'storage.local',
      everything: () => browser.storage.local.clear(),
      // Nothing in it names a case (STORAGE_KEYS).
      customer: async () => undefined,
    },
    {
      id: 'storage.session',
      area: 'storage.session',
      everything: () => browser.storage.session.clear(),
      customer: async () => undefined,
    },
    {
      id: 'notifications',
      area: 'notifications',
      everything: () => forgetDeadlineAlerts('all'),
      customer: ({ caseIds }) => forgetDeadlineAlerts(caseIds),
    },
    {
      id: 'badge',
      area: 'badge',
      everything: clearBadge,
      customer: deps.refreshBadge,
    },
    {
      id: 'background-memory',
      area: 'memory',
      everything: async () => deps.forgetMemory(),
      customer: async ({ caseIds }) => deps.forgetMemory(caseIds),
    },
    {
      id: 'mailbox-tabs',
      area: 'mailbox tabs',
      everything: () => deps.tellTabs(),
      customer: ({ caseIds }) => deps.tellTabs(caseIds),
    },
  ];
}

/** "Erase everything": every place, the team server first (it may refuse: then nothing was erased). */
export async function eraseEverywhere(places: readonly DataPlace[]): Promise<PlaceResult> {
  for (const place of places) {
    const r = await place.everything();
    if (r && !r.ok) return r;
  }
  return { ok: true };
}

/** "Erase this customer": the database first (it finds the cases, and queues the team erasure), then every other place. */
export async function eraseCustomerEverywhere(
  places: readonly DataPlace[],
  db: CaselineDb,
  email: string,
  options: { agentId: string; now: string; queueSync: boolean },
): Promise<{ removed: number; caseIds: string[] }> {
  const erased = await eraseCustomerRecords(db, email, options);
  for (const place of places) await place.customer({ caseIds: erased.caseIds });
  return { removed: erased.cases, caseIds: erased.caseIds };
}
