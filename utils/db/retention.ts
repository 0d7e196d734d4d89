/**
 * Keeping no more than needed (sop/004 §10, GDPR): the retention purge, in one transaction.
 * Erasing one customer or everything works from the store list in erasure.ts.
 */
import { forgetDerivedStates } from './case-store';
import type { WriteTx } from './case-store';
import { beginTransaction, CaselineWriteError, inOneTransaction } from './errors';
import { markGone } from './digests';
import type { Removed } from './erasure';
import type { CaselineDb } from './schema';

const DAY_MS = 86_400_000;

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

export { eraseCustomer, eraseEverything } from './erasure';
export type { Removed } from './erasure';
