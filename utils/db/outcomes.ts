/** The outcome log: one record per case (the latest answers), mirrored by outcome_recorded events. */
import { validateOutcome } from '../cases/outcome';
import type { OutcomeRecord } from '../cases/records';
import { toSyncDoc } from '../privacy/sync-docs';
import { outboxItem } from './case-store';
import type { WriteTx } from './case-store';
import { beginTransaction, CaselineWriteError, inOneTransaction } from './errors';
import type { CaselineDb } from './schema';

/**
 * Saves (merges into) the outcome of a case, in one transaction with its outbox document.
 * Throws CaselineWriteError when the form is invalid or the case unknown.
 */
export async function putOutcome(
  db: CaselineDb,
  outcome: OutcomeRecord,
  options: { syncable: boolean; usesNps?: boolean } = { syncable: false },
): Promise<OutcomeRecord> {
  const { caseId, agentId, recordedAt, ...fields } = outcome;
  const checked = validateOutcome(fields, { usesNps: options.usesNps ?? fields.nps !== undefined });
  if (!checked.ok) throw new CaselineWriteError(checked.errors.map((e) => e.message).join(' '));
  const tx = beginTransaction(() => db.transaction(['cases', 'outcomes', 'outbox', 'meta', 'settings'], 'readwrite') as unknown as WriteTx);
  return inOneTransaction(tx, async () => {
    if (!(await tx.objectStore('cases').get(caseId))) throw new CaselineWriteError('That case is not in the database, so its outcome was not saved.');
    const previous = await tx.objectStore('outcomes').get(caseId);
    const merged: OutcomeRecord = { ...previous, ...checked.outcome, caseId, agentId, recordedAt };
    await tx.objectStore('outcomes').put(merged);
    if (options.syncable) {
      const salt = (await tx.objectStore('meta').get('syncSalt'))?.value;
      const shareNotes = (await tx.objectStore('settings').get('shareNotesOnSync'))?.value === true;
      if (typeof salt !== 'string' || salt === '') throw new CaselineWriteError('The sync salt is missing; the outcome was not saved.');
      await tx.objectStore('outbox').add(outboxItem(agentId, toSyncDoc('outcome', merged, { salt, shareSubject: false, shareNotes }), recordedAt, caseId));
    }
    return merged;
  });
}

export function getOutcome(db: CaselineDb, caseId: string): Promise<OutcomeRecord | undefined> {
  return db.get('outcomes', caseId);
}

export function listOutcomes(db: CaselineDb): Promise<OutcomeRecord[]> {
  return db.getAllFromIndex('outcomes', 'byRecordedAt');
}
