/** The sync outbox: documents waiting to go, or refused by the server and kept for the user. */
import type { CaselineDb, OutboxItem } from './schema';

/** Items of one state, oldest first. */
export function listOutbox(db: CaselineDb, state: OutboxItem['state'] = 'pending', limit?: number): Promise<OutboxItem[]> {
  return db.getAllFromIndex('outbox', 'byState', IDBKeyRange.bound([state, ''], [state, '\uffff']), limit);
}

export async function countOutbox(db: CaselineDb, state: OutboxItem['state'] = 'pending'): Promise<number> {
  return db.countFromIndex('outbox', 'byState', IDBKeyRange.bound([state, ''], [state, '\uffff']));
}

/** Sent and accepted: removed, in one transaction. */
export async function markOutboxSent(db: CaselineDb, ids: readonly string[]): Promise<void> {
  const tx = db.transaction('outbox', 'readwrite');
  await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
}

/** Refused by the server (e.g. 403 validation): kept and shown, never dropped. */
export async function markOutboxRejected(db: CaselineDb, id: string, error: string): Promise<void> {
  await updateItem(db, id, (item) => ({ ...item, state: 'rejected', attempts: item.attempts + 1, lastError: error }));
}

/** A failed attempt that will be retried (network, 5xx). */
export async function markOutboxAttemptFailed(db: CaselineDb, id: string, error: string): Promise<void> {
  await updateItem(db, id, (item) => ({ ...item, attempts: item.attempts + 1, lastError: error }));
}

/** Puts a rejected item back in the queue (after the user fixed the cause). */
export async function retryRejected(db: CaselineDb, id: string): Promise<void> {
  await updateItem(db, id, (item) => ({ ...item, state: 'pending' }));
}

async function updateItem(db: CaselineDb, id: string, change: (item: OutboxItem) => OutboxItem): Promise<void> {
  const tx = db.transaction('outbox', 'readwrite');
  const item = await tx.store.get(id);
  if (item) await tx.store.put(change(item));
  await tx.done;
}
