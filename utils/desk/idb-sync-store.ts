/**
 * Sync state in the extension's IndexedDB (the MV3 worker may stop at any moment): the outbox,
 * checkpoints and backoff, behind the SyncStore interface the sync protocol uses. Outbox
 * documents are made under the privacy rules (utils/privacy); here they take the shape the team
 * database's validation expects.
 */
import { sha256, toHex, utf8 } from '../cases/sha256';
import { getCheckpoint, putCheckpoint } from '../db/checkpoints';
import { listOutbox, markOutboxAttemptFailed, markOutboxRejected, markOutboxSent } from '../db/outbox';
import type { CaselineDb, OutboxItem } from '../db/schema';
import type { SyncDoc as PrivateDoc } from '../privacy/sync-docs';
import { sharedInboxPayload } from '../privacy/shared-inbox-docs';
import type { BackoffState, OutboxEntry, Seq, SyncStore } from '../sync/types';

const BACKOFF_KEY = 'syncBackoff';

/** The payload stored under `doc[type]` on the server for one outbox document. */
export function payloadOf(doc: PrivateDoc): Record<string, unknown> {
  switch (doc.kind) {
    case 'event': {
      const { eventId, caseKey, type, at, actor, source, data } = doc;
      return { id: eventId, caseId: caseKey, type, at, actor, source, data };
    }
    case 'case': {
      const { kind: _kind, caseKey, ...rest } = doc;
      return { caseId: caseKey, ...rest };
    }
    case 'outcome': {
      const { kind: _kind, caseKey, recordedAt, ...rest } = doc;
      return { caseId: caseKey, at: recordedAt, ...rest };
    }
    case 'erasure':
      // A fixed-length digest of the erased case keys: the keys themselves, joined, outgrow the
      // validation's 2,000-character limit for a customer with 31 cases or more.
      return { subjectHash: toHex(sha256(utf8([...doc.caseKeys].sort().join(',')))), caseKeys: doc.caseKeys, at: doc.at, ...(doc.threads ? { threads: doc.threads } : {}) };
    case 'claim':
    case 'assignment':
    case 'note':
      return sharedInboxPayload(doc);
    case 'template':
    case 'settings': {
      const { kind: _kind, ...publication } = doc;
      return publication;
    }
  }
}

function toEntry(item: OutboxItem): OutboxEntry {
  return {
    id: item.id,
    kind: item.kind,
    doc: payloadOf(item.doc),
    state: item.state,
    attempts: item.attempts,
    createdAt: item.createdAt,
    ...(item.lastError ? { lastError: item.lastError } : {}),
  };
}

export class IdbSyncStore implements SyncStore {
  constructor(private readonly db: CaselineDb) {}

  async listPending(limit: number): Promise<OutboxEntry[]> {
    return (await listOutbox(this.db, 'pending', limit)).map(toEntry);
  }
  async listRejected(): Promise<OutboxEntry[]> {
    return (await listOutbox(this.db, 'rejected')).map(toEntry);
  }
  async markSent(ids: readonly string[]): Promise<void> {
    await markOutboxSent(this.db, ids);
  }
  async markRejected(id: string, reason: string): Promise<void> {
    await markOutboxRejected(this.db, id, reason);
  }
  async bumpAttempts(ids: readonly string[], error: string): Promise<void> {
    for (const id of ids) await markOutboxAttemptFailed(this.db, id, error);
  }
  async getCheckpoint(key: string): Promise<Seq | undefined> {
    const r = await getCheckpoint(this.db, key);
    if (!r) return undefined;
    return /^\d+$/.test(r.seq) ? Number(r.seq) : r.seq;
  }
  async putCheckpoint(key: string, seq: Seq): Promise<void> {
    await putCheckpoint(this.db, { id: key, seq: String(seq), updatedAt: new Date().toISOString() });
  }
  async getBackoff(): Promise<BackoffState | undefined> {
    return (await this.db.get('meta', BACKOFF_KEY))?.value as BackoffState | undefined;
  }
  async putBackoff(state: BackoffState | undefined): Promise<void> {
    if (state) await this.db.put('meta', { key: BACKOFF_KEY, value: state });
    else await this.db.delete('meta', BACKOFF_KEY);
  }
}

/** IndexedDB's largest count (an unsigned long). */
const ALL = 2 ** 32 - 1;

/** The outbox seen through its queued erasure requests only ("Erase everything" sends these before it signs out). */
export class ErasureOutbox extends IdbSyncStore {
  override async listPending(limit: number): Promise<OutboxEntry[]> {
    return (await super.listPending(ALL)).filter((e) => e.kind === 'erasure').slice(0, limit);
  }
}
