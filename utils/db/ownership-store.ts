/**
 * Ownership changes in the database (shared inbox). An agent's own change is a case event,
 * written with the case (event log, summary, digest) in one transaction together with its
 * ownership record and, when the team is connected, its claim or assignment document in the
 * outbox; teammates' changes arrive from the team database.
 */
import type { CaseEvent } from '../cases/events';
import { foldOwnership, isOwnershipEventType, type OwnershipChange, type OwnershipState } from '../shared-inbox/ownership';
import { threadKeyFor } from '../shared-inbox/thread-key';
import { ownershipSyncDoc } from '../privacy/shared-inbox-docs';
import { applyCaseEvents, outboxItem, type AppliedChange } from './case-store';
import { threadSaltIn } from './thread-keys';
import type { CaselineDb, OwnershipRecord } from './schema';

export interface OwnershipWrite {
  caseId: string;
  /** The ownership event (claimed, assigned, handed_on or released), made by the caller. */
  event: CaseEvent;
  /** The agent's install id (outbox ids). */
  agentId: string;
  now: string;
  /** Queue the team document (the team is connected and has a profile). */
  shareWithTeam: boolean;
  /** Queue the event itself like any case event (sync on). */
  syncable: boolean;
  /** The agent's display name, sent with the change so teammates can say who. */
  name?: string;
}

/** The ownership change an event stands for, under a thread key. */
export function changeOfEvent(event: CaseEvent, thread: string): OwnershipChange | undefined {
  if (!isOwnershipEventType(event.type)) return undefined;
  const data = event.data as { by: string; owner?: string };
  return { id: event.id, thread, type: event.type, at: event.at, by: data.by, ...(data.owner !== undefined ? { owner: data.owner } : {}) };
}

/** Writes an own ownership change with its case, one transaction; the change as stored. */
export async function recordOwnershipChange(db: CaselineDb, w: OwnershipWrite): Promise<{ applied: AppliedChange; change: OwnershipChange }> {
  let change: OwnershipChange | undefined;
  const applied = await applyCaseEvents(db, w.caseId, [w.event], {}, { syncable: w.syncable, agentId: w.agentId, now: w.now }, {
    stores: ['ownership', 'threads', 'outbox', 'meta'],
    write: async (tx) => {
      const thread = threadKeyFor(w.caseId, await threadSaltIn(tx));
      change = changeOfEvent(w.event, thread);
      if (!change) throw new Error(`${w.event.type} is not an ownership event.`);
      const record: OwnershipRecord = { ...change, ...(w.name ? { name: w.name } : {}), caseId: w.caseId, origin: 'local' };
      const writes: Promise<unknown>[] = [tx.objectStore('ownership').add(record), tx.objectStore('threads').put({ thread, caseId: w.caseId })];
      if (w.shareWithTeam) writes.push(tx.objectStore('outbox').add(outboxItem(w.agentId, ownershipSyncDoc(change, w.name), w.now, w.caseId)));
      for (const p of writes) p.catch(() => undefined);
      await Promise.all(writes);
    },
  });
  return { applied, change: change! };
}

export async function ownershipChangesOf(db: CaselineDb, thread: string): Promise<OwnershipRecord[]> {
  return db.getAllFromIndex('ownership', 'byThread', thread);
}

/** The owner state of each thread (one read per thread, in one transaction). */
export async function ownershipOf(db: CaselineDb, threads: Iterable<string>): Promise<Map<string, OwnershipState>> {
  const index = db.transaction('ownership').store.index('byThread');
  const out = new Map<string, OwnershipState>();
  await Promise.all([...new Set(threads)].map(async (t) => out.set(t, foldOwnership(await index.getAll(t)))));
  return out;
}

export async function allOwnershipChanges(db: CaselineDb): Promise<OwnershipRecord[]> {
  return db.getAll('ownership');
}
