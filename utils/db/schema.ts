/**
 * The Caseline IndexedDB schema (typed for idb). The latest shape; migrations/ builds it step by
 * step. Message bodies are never stored anywhere in it.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { CaseEvent, Category, Stage } from '../cases/events';
import type { CaseRecord, OutcomeRecord } from '../cases/records';
import type { SyncDoc, SyncDocKind } from '../privacy/sync-docs';
import type { PackedRows } from '../metrics/dashboard-pack';
import type { DashboardView } from '../metrics/dashboard-view';
import type { SyncDoc as TeamSyncDoc } from '../cases/team-docs';
import type { OwnershipChange } from '../shared-inbox/ownership';
import type { TeamNote } from '../shared-inbox/team-notes';
import type { AgentPresence } from '../shared-inbox/presence';

export interface TemplateRecord {
  id: string;
  name: string;
  /** Plain text with {{variables}}; never HTML. */
  body: string;
  category?: Category;
  stage?: Stage;
  version: number;
  approved?: { by: string; at: string };
  updatedAt: string;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

/** A document waiting to sync. `id` is `${agentId}:${ulid}`; its ULID makes the remote id (`<prefix>:<user>:<ulid>`). */
export interface OutboxItem {
  id: string;
  kind: SyncDocKind;
  doc: SyncDoc;
  state: 'pending' | 'rejected';
  attempts: number;
  lastError?: string;
  createdAt: string;
  /** Local bookkeeping only (never sent): lets erasure drop queued docs of a case. */
  caseId?: string;
}

/** Where replication from a remote database got to. */
export interface CheckpointRecord {
  id: string;
  seq: string;
  updatedAt: string;
}

/** Reference counters, key `${kind}:${prefix}`; `value` is the last number issued. */
export interface CounterRecord {
  key: string;
  value: number;
}

/** A classifier label corrected by an agent; features only (hashed tokens), never raw text. */
export interface CorrectionRecord {
  id: string;
  at: string;
  to: Category;
  from?: Category;
  caseId?: string;
  agentId?: string;
  features?: Record<string, number>;
}

/** A team document pulled from the sync server (v4). */
export interface TeamRecord {
  /** The server document's `_id`. */
  id: string;
  type: string;
  /** Whose record it is: its author, the server user who wrote it (since v6; the install's id before). */
  agentId: string;
  /**
   * The case the document is about (events, case summaries, outcomes); set since v5. Since v6
   * the author's own case of the key the document names, `<author>:<caseKey>`.
   */
  caseId?: string;
  doc: TeamSyncDoc;
}

/**
 * What the dashboard reads of one case (v5), kept in step with the log by every write of it:
 * the log's marks (utils/metrics/case-marks.ts). Derived data: never in backups, rebuilt from the
 * log whenever in doubt. A write marks the digest `dirty` until the dashboard has folded it into
 * its pack; a case that is gone leaves a `deleted` digest until then.
 */
export interface CaseDigest {
  /** `${source}:${caseId}`. */
  key: string;
  /** 'local': this browser's cases; 'team': the team's records pulled by a lead. */
  source: 'local' | 'team';
  caseId: string;
  agentId: string;
  category?: Category;
  /** Events in the log the digest was made from. */
  eventCount: number;
  /** Time (epoch ms) and id of the log's last event in time order, where appending continues. */
  lastAt?: number;
  lastId?: string;
  marks: number[];
  /** Raised by every write: the pack takes a digest in only if it has not changed since read. */
  rev: number;
  /** 1 until folded into the source's pack (index byDirty). */
  dirty?: 1;
  /** 1 when the case is gone (erased, purged): the pack drops it, then the digest is deleted. */
  deleted?: 1;
}

/**
 * Every digest of one source as of its making, packed with the cases' SLA states, in one record
 * read as a few buffers (v5). `version` changes with each pack: a pack made from data read
 * before another pack (or a wipe) was written is not stored.
 */
export interface DashboardPackRecord {
  source: 'local' | 'team';
  version: string;
  /** The policy the SLA states were computed under (policyKey). */
  policyKey: string;
  rows: PackedRows;
}

/**
 * Shared inbox (v7): one ownership change of a conversation, this install's own (also in the
 * case's event log) or a teammate's (pulled). Keyed by the change's event id.
 */
export interface OwnershipRecord extends OwnershipChange {
  /** The display name of whoever made the change, when they gave one. */
  name?: string;
  /** This install's case of the conversation, for its own changes. */
  caseId?: string;
  origin: 'local' | 'team';
  /** A teammate's record: its document id on the team server (removed when the server deletes it). */
  docId?: string;
}

/** Shared inbox (v7): an internal note, this install's own or a teammate's. */
export interface NoteRecord extends TeamNote {
  /** This install's case of the conversation, for its own notes. */
  caseId?: string;
  origin: 'local' | 'team';
  /** A teammate's note: its document id on the team server (removed when the server deletes it). */
  docId?: string;
  /** 1 once the agent has seen a note that mentions them (the mentions list). */
  seen?: 1;
}

/** Shared inbox (v7): a teammate's presence record as last pulled (short-lived: never backed up). */
export type PresenceRecord = AgentPresence;

/**
 * Shared inbox (v7): which local case a thread key stands for, noted whenever this install
 * computes one (views, list chips, queue), so a teammate's note or owner finds its conversation.
 * Derived: rebuilt as cases are seen, never backed up.
 */
export interface ThreadRecord {
  thread: string;
  caseId: string;
}

/**
 * The last figures the dashboard showed for a source under its default filters (v8): painted
 * at once when the page opens, labelled with their time, while the page computes the present
 * ones. Derived data: never in backups; dropped by every erasure; stored only over the
 * pack version it was computed from (see digests.ts storeDashboard).
 */
export interface DashboardViewRecord {
  source: 'local' | 'team';
  /** The shape of `view` (DASHBOARD_VIEW_SHAPE): a page of another version ignores it. */
  shape: number;
  view: DashboardView;
}

export interface MetaRecord {
  key: string;
  value: unknown;
}

export interface CaselineDBSchema extends DBSchema {
  cases: {
    key: string;
    value: CaseRecord;
    indexes: {
      byDeadline: [number, string];
      byOpen: number;
      byCategory: string;
      byCreatedAt: string;
      byClosedAt: string;
      /** Added in v2. */
      byCustomer: string;
    };
  };
  events: { key: string; value: CaseEvent; indexes: { byCase: string; byAt: string } };
  outcomes: { key: string; value: OutcomeRecord; indexes: { byRecordedAt: string } };
  templates: { key: string; value: TemplateRecord };
  settings: { key: string; value: SettingRecord };
  outbox: { key: string; value: OutboxItem; indexes: { byState: [string, string]; byCase: string; /** Added in v3. */ byCaseKind: [string, string, string] } };
  checkpoints: { key: string; value: CheckpointRecord };
  counters: { key: string; value: CounterRecord };
  /** Added in v2. */
  corrections: { key: string; value: CorrectionRecord; indexes: { byAt: string; byCase: string } };
  meta: { key: string; value: MetaRecord };
  /** Added in v4. */
  team: { key: string; value: TeamRecord; indexes: { byType: string; byAgent: string; /** Added in v5. */ byCase: string } };
  /** Added in v5. */
  digests: { key: string; value: CaseDigest; indexes: { bySource: string; byDirty: [string, number] } };
  /** Added in v5. */
  packs: { key: string; value: DashboardPackRecord; /** Added in v9. */ indexes: { byVersion: string } };
  /** Added in v7 (shared inbox). */
  ownership: { key: string; value: OwnershipRecord; indexes: { byThread: string; byCase: string } };
  /** Added in v7 (shared inbox). */
  notes: { key: string; value: NoteRecord; indexes: { byThread: string; byCase: string; byMention: string; byAt: string } };
  /** Added in v7 (shared inbox). */
  presence: { key: string; value: PresenceRecord };
  /** Added in v7 (shared inbox). */
  threads: { key: string; value: ThreadRecord; indexes: { byCase: string } };
  /** Added in v8. */
  views: { key: string; value: DashboardViewRecord };
}

export type CaselineDb = IDBPDatabase<CaselineDBSchema>;
export type CaselineStoreName = StoreNames<CaselineDBSchema>;
export type UpgradeTransaction = IDBPTransaction<CaselineDBSchema, CaselineStoreName[], 'versionchange'>;

/**
 * Every store, in the order backups list them (not `digests`, `packs`, `threads`: derived, rebuilt
 * after a restore; not `presence`: short-lived).
 */
export const STORE_NAMES = [
  'cases',
  'events',
  'outcomes',
  'templates',
  'settings',
  'outbox',
  'checkpoints',
  'counters',
  'corrections',
  'meta',
  'team',
  'ownership',
  'notes',
] as const satisfies readonly CaselineStoreName[];

/** The stores a backup holds. */
export type BackupStoreName = (typeof STORE_NAMES)[number];
