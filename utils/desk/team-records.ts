/** The team's records pulled from the sync server (documents as the server holds them). */
import { markGone, rebuildTeamDigests, teamRecord } from '../db/digests';
import type { CaselineDb } from '../db/schema';
import type { SyncDoc } from '../cases/team-docs';

/** The case keys an erasure request names (agents erase a customer's cases: sop/004 §10). */
function erasedCaseKeys(doc: SyncDoc): string[] {
  if (doc.type !== 'erasure') return [];
  const keys = doc.erasure.caseKeys;
  return Array.isArray(keys) ? keys.filter((k): k is string => typeof k === 'string') : [];
}

/**
 * Stores pulled documents and, in the same transaction, the digests of the cases they are
 * about. An erasure request removes every pulled document about the cases it names (and keeps
 * itself, so a document about them that arrives later is dropped too).
 */
export async function putTeamDocs(db: CaselineDb, docs: readonly SyncDoc[]): Promise<void> {
  const tx = db.transaction(['team', 'digests', 'packs'], 'readwrite');
  const team = tx.objectStore('team');
  const erased = new Set(docs.flatMap(erasedCaseKeys));
  for (const r of await team.index('byType').getAll('erasure')) for (const key of erasedCaseKeys(r.doc)) erased.add(key);
  const records = docs.map(teamRecord).filter((r) => r.caseId === undefined || !erased.has(r.caseId));
  await Promise.all(records.map((r) => team.put(r)));
  await Promise.all(
    [...erased].map(async (caseId) => {
      const keys = await team.index('byCase').getAllKeys(caseId);
      await Promise.all([...keys.map((k) => team.delete(k)), markGone(tx, 'team', caseId)]);
    }),
  );
  await rebuildTeamDigests(tx, records.flatMap((r) => (r.caseId === undefined ? [] : [r.caseId])));
  await tx.done;
}

export async function listTeamDocs(db: CaselineDb): Promise<SyncDoc[]> {
  return (await db.getAll('team')).map((r) => r.doc);
}
