/** The team's records pulled from the sync server (documents as the server holds them). */
import type { CaselineDb } from '../db/schema';
import type { SyncDoc } from '../sync/docs';

export async function putTeamDocs(db: CaselineDb, docs: readonly SyncDoc[]): Promise<void> {
  const tx = db.transaction('team', 'readwrite');
  await Promise.all([...docs.map((doc) => tx.store.put({ id: doc._id, type: doc.type, agentId: doc.agentId, doc })), tx.done]);
}

export async function listTeamDocs(db: CaselineDb): Promise<SyncDoc[]> {
  return (await db.getAll('team')).map((r) => r.doc);
}
