/** v1: cases, the event log, outcomes, templates, settings, the sync outbox, checkpoints, counters, meta. */
import { newSyncSalt } from '../../cases/case-id';
import type { CaselineDb, UpgradeTransaction } from '../schema';

export async function migrate001Initial(db: CaselineDb, tx: UpgradeTransaction, _oldVersion: number): Promise<void> {
  const cases = db.createObjectStore('cases', { keyPath: 'caseId' });
  // Open cases by next deadline; records without nextDueAt are not in this index.
  cases.createIndex('byDeadline', ['open', 'nextDueAt']);
  cases.createIndex('byOpen', 'open');
  cases.createIndex('byCategory', 'category');
  cases.createIndex('byCreatedAt', 'createdAt');
  cases.createIndex('byClosedAt', 'closedAt');

  const events = db.createObjectStore('events', { keyPath: 'id' });
  events.createIndex('byCase', 'caseId');
  events.createIndex('byAt', 'at');

  const outcomes = db.createObjectStore('outcomes', { keyPath: 'caseId' });
  outcomes.createIndex('byRecordedAt', 'recordedAt');

  db.createObjectStore('templates', { keyPath: 'id' });
  db.createObjectStore('settings', { keyPath: 'key' });

  const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
  outbox.createIndex('byState', ['state', 'createdAt']);
  outbox.createIndex('byCase', 'caseId');

  db.createObjectStore('checkpoints', { keyPath: 'id' });
  db.createObjectStore('counters', { keyPath: 'key' });
  db.createObjectStore('meta', { keyPath: 'key' });

  await tx.objectStore('meta').put({ key: 'syncSalt', value: newSyncSalt() });
}
