/**
 * An in-memory SyncStore: the same behaviour as the IndexedDB one, without persistence. Used by
 * tests and benches, and usable anywhere a throwaway store will do.
 */
import type { BackoffState, OutboxEntry, OutboxKind, Seq, SyncStore } from './types';

const clone = <T>(value: T): T => structuredClone(value);

export class MemorySyncStore implements SyncStore {
  private readonly outbox = new Map<string, OutboxEntry>();
  private readonly checkpoints = new Map<string, Seq>();
  private backoff: BackoffState | undefined;

  /** Queue a record (what utils/db does when a user action marks it for sync). */
  enqueue(entry: { id: string; kind: OutboxKind; doc: unknown; createdAt?: string }): void {
    if (this.outbox.has(entry.id)) throw new Error(`outbox already holds ${entry.id}`);
    this.outbox.set(entry.id, {
      id: entry.id,
      kind: entry.kind,
      doc: clone(entry.doc),
      state: 'pending',
      attempts: 0,
      createdAt: entry.createdAt ?? new Date().toISOString(),
    });
  }

  /** Every entry still in the outbox (pending and rejected), by id. */
  all(): OutboxEntry[] {
    return [...this.outbox.values()].sort(byUlid).map(clone);
  }

  async listPending(limit: number): Promise<OutboxEntry[]> {
    const out: OutboxEntry[] = [];
    for (const e of [...this.outbox.values()].sort(byUlid)) {
      if (out.length >= limit) break;
      if (e.state === 'pending') out.push(clone(e));
    }
    return out;
  }

  async listRejected(): Promise<OutboxEntry[]> {
    return [...this.outbox.values()].filter((e) => e.state === 'rejected').sort(byUlid).map(clone);
  }

  async markSent(ids: readonly string[]): Promise<void> {
    for (const id of ids) this.outbox.delete(id);
  }

  async markRejected(id: string, reason: string): Promise<void> {
    const e = this.outbox.get(id);
    if (!e) return;
    e.state = 'rejected';
    e.lastError = reason;
  }

  async bumpAttempts(ids: readonly string[], error: string): Promise<void> {
    for (const id of ids) {
      const e = this.outbox.get(id);
      if (!e) continue;
      e.attempts += 1;
      e.lastError = error;
    }
  }

  async getCheckpoint(key: string): Promise<Seq | undefined> {
    return this.checkpoints.get(key);
  }

  async putCheckpoint(key: string, seq: Seq): Promise<void> {
    this.checkpoints.set(key, seq);
  }

  async getBackoff(): Promise<BackoffState | undefined> {
    return this.backoff && clone(this.backoff);
  }

  async putBackoff(state: BackoffState | undefined): Promise<void> {
    this.backoff = state && clone(state);
  }
}

/** Outbox ids are `${agentId}:${ulid}`: order by the ULID (creation time), then by id. */
function byUlid(a: OutboxEntry, b: OutboxEntry): number {
  const ua = a.id.slice(a.id.indexOf(':') + 1);
  const ub = b.id.slice(b.id.indexOf(':') + 1);
  return ua < ub ? -1 : ua > ub ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
