/**
 * v3: an outbox index by [caseId, kind, state], so replacing a case's pending summary document
 * reads only that document instead of every queued document of the case.
 */
import type { CaselineDb, UpgradeTransaction } from '../schema';

export function migrate003OutboxByCaseKind(_db: CaselineDb, tx: UpgradeTransaction, _oldVersion: number): void {
  tx.objectStore('outbox').createIndex('byCaseKind', ['caseId', 'kind', 'state']);
}
