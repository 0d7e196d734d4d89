/**
 * Keeping no more than needed (sop/004 §10, GDPR): the retention purge, erasing one customer,
 * erasing everything. Each is one transaction.
 */
import { newSyncSalt } from '../cases/case-id';
import { toErasureDoc } from '../privacy/sync-docs';
import { forgetDerivedStates, outboxItem } from './case-store';
import type { WriteTx } from './case-store';
import { beginTransaction, CaselineWriteError, inOneTransaction } from './errors';
import { markGone, resetPacks } from './digests';
import { eraseThreadsIn } from './shared-inbox-records';
import { threadSaltIn } from './thread-keys';
import { threadKeyFor } from '../shared-inbox/thread-key';
import { STORE_NAMES } from './schema';
import type { CaselineDb, CaselineStoreName } from './schema';

const DAY_MS = 86_400_000;

export interface Removed {
  cases: number;
  events: number;
  outcomes: number;
}

async function removeCase(tx: WriteTx, caseId: string, removed: Removed): Promise<void> {
  const eventKeys = await tx.objectStore('events').index('byCase').getAllKeys(caseId);
  const outcome = await tx.objectStore('outcomes').getKey(caseId);
  await Promise.all([
    ...eventKeys.map((key) => tx.objectStore('events').delete(key)),
    outcome === undefined ? Promise.resolve() : tx.objectStore('outcomes').delete(caseId),
    tx.objectStore('cases').delete(caseId),
    markGone(tx, 'local', caseId),
  ]);
  removed.cases += 1;
  removed.events += eventKeys.length;
  if (outcome !== undefined) removed.outcomes += 1;
}

/** Deletes closed cases whose closing is older than the retention period, with their events and outcome. */
export async function purgeExpired(db: CaselineDb, now: string, retentionDays = 365): Promise<Removed> {
  forgetDerivedStates(db);
  if (!Number.isFinite(retentionDays) || retentionDays < 1) throw new CaselineWriteError('Retention must be at least one day.');
  const cutoff = new Date(Date.parse(now) - retentionDays * DAY_MS).toISOString();
  const tx = beginTransaction(() => db.transaction(['cases', 'events', 'outcomes', 'digests', 'ownership', 'notes'], 'readwrite') as unknown as WriteTx);
  return inOneTransaction(tx, async () => {
    const removed: Removed = { cases: 0, events: 0, outcomes: 0 };
    const expired = await tx.objectStore('cases').index('byClosedAt').getAll(IDBKeyRange.upperBound(cutoff, true));
    for (const record of expired) {
      if (record.open !== 0) continue;
      await removeCase(tx, record.caseId, removed);
      // This install's own notes and ownership changes of the case go with it.
      const [changes, notes] = await Promise.all([
        tx.objectStore('ownership').index('byCase').getAllKeys(record.caseId),
        tx.objectStore('notes').index('byCase').getAllKeys(record.caseId),
      ]);
      await Promise.all([...changes.map((k) => tx.objectStore('ownership').delete(k)), ...notes.map((k) => tx.objectStore('notes').delete(k))]);
    }
    return removed;
  });
}

/**
 * Removes every local record of a customer address — cases, their events and outcomes,
 * corrections, not-yet-sent documents about them, and the shared inbox's notes, owners and
 * presence under their conversations' thread keys (own and teammates') — and queues one erasure
 * document (case and thread keys only, never the address) so the team copy is erased too, and
 * every teammate's install drops what it holds under those thread keys.
 */
export async function eraseCustomer(
  db: CaselineDb,
  email: string,
  options: { agentId: string; now: string; queueSync?: boolean },
): Promise<Removed> {
  forgetDerivedStates(db);
  const address = email.trim().toLowerCase();
  if (address === '') throw new CaselineWriteError('Give the address of the customer to erase.');
  const stores: CaselineStoreName[] = ['cases', 'events', 'outcomes', 'outbox', 'corrections', 'meta', 'digests', 'ownership', 'notes', 'presence', 'threads'];
  const tx = beginTransaction(() => db.transaction(stores, 'readwrite') as WriteTx);
  return inOneTransaction(tx, async () => {
    const removed: Removed = { cases: 0, events: 0, outcomes: 0 };
    const caseIds = await tx.objectStore('cases').index('byCustomer').getAllKeys(address);
    const threads = new Set<string>();
    const threadSalt = caseIds.length > 0 ? await threadSaltIn(tx) : '';
    for (const caseId of caseIds) {
      await removeCase(tx, caseId, removed);
      const queued = await tx.objectStore('outbox').index('byCase').getAllKeys(caseId);
      const corrections = await tx.objectStore('corrections').index('byCase').getAllKeys(caseId);
      await Promise.all([...queued.map((k) => tx.objectStore('outbox').delete(k)), ...corrections.map((k) => tx.objectStore('corrections').delete(k))]);
      threads.add(threadKeyFor(caseId, threadSalt));
      for (const t of await tx.objectStore('threads').index('byCase').getAllKeys(caseId)) threads.add(t);
      for (const r of await tx.objectStore('ownership').index('byCase').getAll(caseId)) threads.add(r.thread);
      for (const n of await tx.objectStore('notes').index('byCase').getAll(caseId)) threads.add(n.thread);
    }
    if (threads.size > 0) await eraseThreadsIn(tx, [...threads]);
    if (caseIds.length > 0 && options.queueSync !== false) {
      const salt = (await tx.objectStore('meta').get('syncSalt'))?.value;
      if (typeof salt !== 'string' || salt === '') throw new CaselineWriteError('The sync salt is missing; nothing was erased.');
      await tx.objectStore('outbox').add(outboxItem(options.agentId, toErasureDoc(caseIds, { salt }, options.now, options.agentId, [...threads]), options.now));
    }
    return removed;
  });
}

/** Empties every store (a new sync salt is made, so old case keys no longer match). */
export async function eraseEverything(db: CaselineDb): Promise<void> {
  forgetDerivedStates(db);
  const stores: CaselineStoreName[] = [...STORE_NAMES, 'digests', 'packs', 'presence', 'threads'];
  const tx = beginTransaction(() => db.transaction(stores, 'readwrite') as unknown as WriteTx);
  await inOneTransaction(tx, async () => {
    await Promise.all(stores.map((name) => tx.objectStore(name).clear()));
    await resetPacks(tx);
    await tx.objectStore('meta').put({ key: 'syncSalt', value: newSyncSalt() });
  });
}
