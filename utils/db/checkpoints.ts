/** Replication checkpoints (the last `_changes` sequence read from a remote database). */
import type { CaselineDb, CheckpointRecord } from './schema';

export function getCheckpoint(db: CaselineDb, id: string): Promise<CheckpointRecord | undefined> {
  return db.get('checkpoints', id);
}

export async function putCheckpoint(db: CaselineDb, checkpoint: CheckpointRecord): Promise<void> {
  await db.put('checkpoints', checkpoint);
}
