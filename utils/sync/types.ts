/**
 * What sync keeps between runs. The MV3 background can be stopped at any moment, so everything
 * here lives in IndexedDB in the extension (utils/db bridges it); tests use memory-store.ts.
 */
import type { DocType } from '../cases/team-docs';

/** What an outbox entry holds: the same names as the document types. */
export type OutboxKind = DocType;

/** One record waiting to go to the team database (the shape of utils/db's `outbox` store). */
export interface OutboxEntry {
  /**
   * `${agentId}:${ulid}` (this install's agent id): the document id is `<prefix>:<user>:<ulid>`
   * with the signed-in user, so resending is harmless.
   */
  id: string;
  kind: OutboxKind;
  /** The payload, stored under `doc[kind]` on the server (an event, an outcome, …). */
  doc: unknown;
  state: 'pending' | 'rejected';
  attempts: number;
  /** Why it was rejected, or the last transient error. */
  lastError?: string;
  /** ISO instant it was queued. */
  createdAt: string;
}

/** CouchDB's update sequence: an opaque string in CouchDB 3, a number in PouchDB servers. */
export type Seq = string | number;

/** Exponential backoff after network errors and 5xx answers, driven by alarms. */
export interface BackoffState {
  /** Failed attempts in a row (1 after the first failure). */
  attempt: number;
  /** Epoch milliseconds before which pushing is not retried. */
  retryAt: number;
  lastError: string;
}

export interface SyncStore {
  /** Pending entries, oldest first (ULID order), at most `limit`. */
  listPending(limit: number): Promise<OutboxEntry[]>;
  /** Rejected entries, for the sync page to show. */
  listRejected(): Promise<OutboxEntry[]>;
  /** The server holds these: remove them from the outbox. */
  markSent(ids: readonly string[]): Promise<void>;
  /** Kept, never dropped: shown to the user with the reason. */
  markRejected(id: string, reason: string): Promise<void>;
  /** A transient failure: count it and remember the error; the entries stay pending. */
  bumpAttempts(ids: readonly string[], error: string): Promise<void>;
  getCheckpoint(key: string): Promise<Seq | undefined>;
  putCheckpoint(key: string, seq: Seq): Promise<void>;
  getBackoff(): Promise<BackoffState | undefined>;
  /** `undefined` clears it (after a success). */
  putBackoff(state: BackoffState | undefined): Promise<void>;
}
