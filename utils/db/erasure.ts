/**
 * Every object store of the database, and what each erasure does to it: the one list "Erase
 * everything" and "Erase this customer" work from (sop/004 §10, GDPR art. 17). What each store
 * holds, in words for people, is in utils/extension/what-is-kept.ts (not in the background).
 *
 * The list is typed over every store name, so a new store does not compile until it says how it
 * is erased; tests/unit/privacy/erase-registry.test.ts opens the database and checks that the
 * stores on disk are exactly these. The places outside the database (storage, notifications,
 * the badge, memory, the team server) are listed in utils/extension/data-places.ts.
 */
import { newSyncSalt, syncCaseKey } from '../cases/case-id';
import { toErasureDoc } from '../privacy/sync-docs';
import { forgetDerivedStates, outboxItem } from './case-store';
import type { WriteTx } from './case-store';
import { dropFromPacks, resetPacks } from './digests';
import { forgetNotified } from './notified-deadlines';
import { beginTransaction, CaselineWriteError, inOneTransaction } from './errors';
import type { CaselineDb, CaselineStoreName } from './schema';
import { eraseNotesUnder, eraseOwnershipUnder, erasePresenceOn, eraseThreadLinks, rememberErasedThreads } from './shared-inbox-records';
import { threadSaltIn } from './thread-keys';
import { threadKeyFor } from '../shared-inbox/thread-key';

/** The cases of one customer, as this install and as the team server know them. */
export interface ErasedCases {
  /** Local case ids (`gmail:<thread>`, `outlook:<conversation>`). */
  caseIds: readonly string[];
  /** The same cases' keys on the team server (HMAC with this install's salt). */
  caseKeys: readonly string[];
  /**
   * The same cases as a lead's pulled copies know them: each author's own case of the key
   * (`<author>:<caseKey>`, utils/cases/team-docs.ts), whichever server user this install wrote as.
   */
  teamCaseIds: readonly string[];
  /**
   * The same conversations' thread keys (shared inbox: utils/shared-inbox/thread-key.ts): the
   * owners, notes and presence this install keeps under them, its own and its teammates'.
   */
  threads: readonly string[];
}

/** What "Erase this customer" does to one store. */
export type CustomerRule =
  /** The store's key is the case id. */
  | { by: 'key' }
  /** Rows whose `byCase` index value is one of the customer's case ids. */
  | { by: 'case-index' }
  /** Rows whose `byCase` index value is one of the customer's team case ids (team copies). */
  | { by: 'team-case-index' }
  /** Store-specific work; may say how many rows went. */
  | { by: 'custom'; erase: (tx: WriteTx, cases: ErasedCases) => Promise<number | void> }
  /** Holds nothing about any customer (why, in words: utils/extension/what-is-kept.ts). */
  | { by: 'nothing' };

export interface StoreErasure {
  customer: CustomerRule;
  /** After "Erase everything" emptied the store: what a working database needs back in it. */
  afterClear?: (tx: WriteTx) => Promise<void>;
}

export const STORE_ERASURE: { readonly [K in CaselineStoreName]: StoreErasure } = {
  cases: { customer: { by: 'key' } },
  events: { customer: { by: 'case-index' } },
  outcomes: { customer: { by: 'key' } },
  templates: { customer: { by: 'nothing' } },
  settings: { customer: { by: 'nothing' } },
  outbox: { customer: { by: 'case-index' } },
  checkpoints: { customer: { by: 'nothing' } },
  counters: { customer: { by: 'nothing' } },
  corrections: { customer: { by: 'case-index' } },
  meta: {
    customer: {
      by: 'custom',
      // The customer's thread keys join the erased ones, so a teammate's copy pulled later is dropped too.
      erase: async (tx, cases) => {
        await rememberErasedThreads(tx, cases.threads);
        return forgetNotified(tx, cases.caseIds);
      },
    },
    afterClear: async (tx) => {
      // A new salt: case keys made before the wipe no longer match anything made after it.
      await tx.objectStore('meta').put({ key: 'syncSalt', value: newSyncSalt() });
    },
  },
  team: { customer: { by: 'team-case-index' } },
  ownership: {
    customer: { by: 'custom', erase: (tx, cases) => eraseOwnershipUnder(tx, cases.threads) },
  },
  notes: {
    customer: { by: 'custom', erase: (tx, cases) => eraseNotesUnder(tx, cases.threads) },
  },
  presence: {
    customer: { by: 'custom', erase: (tx, cases) => erasePresenceOn(tx, cases.threads) },
  },
  threads: {
    customer: { by: 'custom', erase: (tx, cases) => eraseThreadLinks(tx, cases.threads) },
  },
  digests: {
    customer: {
      by: 'custom',
      erase: async (tx, cases) => {
        await dropFromPacks(tx, 'local', cases.caseIds);
        await dropFromPacks(tx, 'team', cases.teamCaseIds);
      },
    },
  },
  packs: {
    // Folded by the digests rule: the customer's rows leave the packs in the same step.
    customer: { by: 'nothing' },
    afterClear: resetPacks,
  },
  views: {
    // The figures counted the customer's cases: every kept view goes, the next visit makes a new one.
    customer: { by: 'custom', erase: (tx) => tx.objectStore('views').clear() },
  },
};

export const ERASABLE_STORES = Object.keys(STORE_ERASURE) as CaselineStoreName[];

export interface Removed {
  cases: number;
  events: number;
  outcomes: number;
}

/**
 * Removes every local record of a customer address — its cases, and every row of every store
 * that is about them — and, when `queueSync`, queues one erasure request (case keys only, never
 * the address) so the team's copy is erased too. One transaction: all of it, or nothing.
 */
export async function eraseCustomer(
  db: CaselineDb,
  email: string,
  options: { agentId: string; now: string; queueSync?: boolean },
): Promise<Removed & { caseIds: string[] }> {
  forgetDerivedStates(db);
  const address = email.trim().toLowerCase();
  if (address === '') throw new CaselineWriteError('Give the address of the customer to erase.');
  const tx = beginTransaction(() => db.transaction(ERASABLE_STORES, 'readwrite') as WriteTx);
  return inOneTransaction(tx, async () => {
    const caseIds = (await tx.objectStore('cases').index('byCustomer').getAllKeys(address)) as string[];
    const removed = { cases: 0, events: 0, outcomes: 0, caseIds };
    if (caseIds.length === 0) return removed;
    const salt = (await tx.objectStore('meta').get('syncSalt'))?.value;
    const caseKeys = typeof salt === 'string' && salt !== '' ? caseIds.map((id) => syncCaseKey(id, salt)) : [];
    const cases: ErasedCases = { caseIds, caseKeys, teamCaseIds: await teamCaseIdsOf(tx, caseKeys), threads: await threadsOf(tx, caseIds) };
    for (const name of ERASABLE_STORES) {
      const count = await eraseFromStore(tx, name, STORE_ERASURE[name].customer, cases);
      if (name === 'cases') removed.cases = count;
      if (name === 'events') removed.events = count;
      if (name === 'outcomes') removed.outcomes = count;
    }
    if (options.queueSync !== false) {
      if (caseKeys.length === 0) throw new CaselineWriteError('The sync salt is missing; nothing was erased.');
      // The thread keys too: every teammate's install drops the notes and owners it keeps under them.
      await tx.objectStore('outbox').add(outboxItem(options.agentId, toErasureDoc(caseIds, { salt: salt as string }, options.now, options.agentId, cases.threads), options.now));
    }
    return removed;
  });
}

/**
 * The team case ids of these case keys among a lead's pulled copies: the `byCase` values of the
 * `team` store that end in `:<caseKey>`. Walks the index keys only (erasing a customer is rare).
 */
async function teamCaseIdsOf(tx: WriteTx, caseKeys: readonly string[]): Promise<string[]> {
  if (caseKeys.length === 0) return [];
  const wanted = new Set(caseKeys);
  const found = new Set<string>();
  let cursor = await tx.objectStore('team').index('byCase').openKeyCursor(null, 'nextunique');
  while (cursor) {
    const key = String(cursor.key);
    const at = key.lastIndexOf(':');
    if (wanted.has(at >= 0 ? key.slice(at + 1) : key)) found.add(key);
    cursor = await cursor.continue();
  }
  return [...found];
}

/**
 * The thread keys of these cases: under the salt in use, noted in `threads`, and those of the
 * install's own owners and notes of the cases (kept under an earlier salt, if any).
 */
async function threadsOf(tx: WriteTx, caseIds: readonly string[]): Promise<string[]> {
  const salt = await threadSaltIn(tx).catch(() => '');
  const threads = new Set<string>();
  for (const caseId of caseIds) {
    if (salt !== '') threads.add(threadKeyFor(caseId, salt));
    for (const t of await tx.objectStore('threads').index('byCase').getAllKeys(caseId)) threads.add(String(t));
    for (const r of await tx.objectStore('ownership').index('byCase').getAll(caseId)) threads.add(r.thread);
    for (const n of await tx.objectStore('notes').index('byCase').getAll(caseId)) threads.add(n.thread);
  }
  return [...threads];
}

async function eraseFromStore(tx: WriteTx, name: CaselineStoreName, rule: CustomerRule, cases: ErasedCases): Promise<number> {
  switch (rule.by) {
    case 'nothing':
      return 0;
    case 'custom':
      return (await rule.erase(tx, cases)) ?? 0;
    case 'key': {
      const store = tx.objectStore(name);
      let count = 0;
      for (const id of cases.caseIds) {
        if ((await store.getKey(id)) === undefined) continue;
        await store.delete(id);
        count += 1;
      }
      return count;
    }
    case 'case-index':
    case 'team-case-index': {
      const index = (tx.objectStore(name) as unknown as { index(n: 'byCase'): { getAllKeys(q: string): Promise<IDBValidKey[]> } }).index('byCase');
      let count = 0;
      for (const id of rule.by === 'case-index' ? cases.caseIds : cases.teamCaseIds) {
        const keys = await index.getAllKeys(id);
        await Promise.all(keys.map((k) => tx.objectStore(name).delete(k as never)));
        count += keys.length;
      }
      return count;
    }
  }
}

/** Empties every store; then what a working database needs (a new sync salt, empty packs). */
export async function eraseEverything(db: CaselineDb): Promise<void> {
  forgetDerivedStates(db);
  const tx = beginTransaction(() => db.transaction(ERASABLE_STORES, 'readwrite') as unknown as WriteTx);
  await inOneTransaction(tx, async () => {
    await Promise.all(ERASABLE_STORES.map((name) => tx.objectStore(name).clear()));
    for (const name of ERASABLE_STORES) await STORE_ERASURE[name].afterClear?.(tx);
  });
}
