/**
 * Pull: `_changes` since the stored checkpoint, in batches. Agents take the team's templates and
 * settings; leads take every record. Documents deleted on the server (an admin's maintenance, an
 * erasure) come as deletions, whatever their type, and are removed from the local store. The
 * checkpoint moves only after `apply` succeeded, so a background stopped halfway pulls the same
 * batch again (applying is idempotent: documents are append-only and keyed by id).
 */
import type { ChangesResult, CouchClient } from './couch-client';
import type { DocType, SyncDoc } from '../cases/team-docs';
import { DOC_SPEC, parseSyncDoc } from './docs';
import { DOC_TYPES } from '../cases/team-docs';
import type { Seq, SyncStore } from './types';

export type SyncRole = 'agent' | 'lead';

/**
 * What each role pulls. Agents take the team's templates and settings, and for the shared inbox
 * their teammates' owners, notes and presence, and erasure requests (which name the thread keys
 * whose notes and owners every install drops).
 */
export const PULLED_TYPES: Record<SyncRole, readonly DocType[]> = {
  agent: ['template', 'settings', 'claim', 'assignment', 'note', 'presence', 'erasure'],
  lead: DOC_TYPES,
};

/**
 * Stores one batch: the documents to keep and the ids deleted on the server (removed locally,
 * with everything derived from them). Throwing leaves the checkpoint where it was.
 */
export type ApplyBatch = (docs: SyncDoc[], deletedIds: string[]) => Promise<unknown>;

export interface PullOptions {
  role: SyncRole;
  apply: ApplyBatch;
  /** Changes per request (default 500). */
  limit?: number;
  /** Checkpoint name (default `changes:<role>`; one per server and database in the extension). */
  checkpointKey?: string;
  /** Stop after this many batches (default: until caught up). */
  maxBatches?: number;
  /**
   * Let the server filter by type (`filter=_selector`, CouchDB ≥ 2 and Cloudant) so an agent
   * does not download the team's records. Default: on for agents (a lead takes everything).
   */
  serverFilter?: boolean;
}

export interface PullResult {
  /** Documents handed to `apply`. */
  applied: number;
  /** Ids deleted on the server, handed to `apply` for removal. */
  deleted: number;
  /** Documents on the server with a shape we do not know (or for another role), skipped. */
  skipped: number;
  /** Malformed documents (shown in the sync page's log). */
  invalid: Array<{ id: string; reason: string }>;
  lastSeq: Seq;
  batches: number;
}

/** The server-side filter for a role: its types, and every deletion (a tombstone has no type). */
export function changesSelector(role: SyncRole): Record<string, unknown> {
  return { $or: [{ type: { $in: [...PULLED_TYPES[role]] } }, { _deleted: true }] };
}

export interface TakenPage {
  docs: SyncDoc[];
  deletedIds: string[];
  skipped: number;
  invalid: Array<{ id: string; reason: string }>;
}

/** Sorts one `_changes` page into documents to store, deletions, and what is not for this role. */
export function takeChanges(page: ChangesResult, role: SyncRole): TakenPage {
  const wanted = new Set<string>(PULLED_TYPES[role]);
  const out: TakenPage = { docs: [], deletedIds: [], skipped: 0, invalid: [] };
  for (const row of page.results) {
    if (row.id.startsWith('_design/')) {
      out.skipped += 1;
      continue;
    }
    const doc = row.doc;
    if (row.deleted || doc?._deleted) {
      out.deletedIds.push(row.id);
      continue;
    }
    if (!doc || !wanted.has(String(doc.type))) {
      out.skipped += 1;
      continue;
    }
    // Records are written once: a live document past its first revision was written again
    // after a deletion (an erased record resent) or grafted. Neither is taken, and the id's
    // first revision, if stored, is removed as deleted. A replaceable record (presence) is the
    // exception: short-lived, rewritten by its author at every heartbeat (the server lets only
    // its author do so), so each revision replaces the one before.
    if (typeof doc._rev === 'string' && !doc._rev.startsWith('1-') && !DOC_SPEC[doc.type as DocType]?.replaceable) {
      out.deletedIds.push(row.id);
      out.invalid.push({ id: row.id, reason: `revision ${doc._rev.split('-')[0]}: a record is written once; a later revision (written again after a deletion, or grafted) is refused` });
      continue;
    }
    const parsed = parseSyncDoc(doc);
    if (!parsed.ok) {
      out.invalid.push({ id: row.id, reason: parsed.reason });
      continue;
    }
    out.docs.push(parsed.doc);
  }
  return out;
}

export async function pullChanges(store: SyncStore, client: CouchClient, opts: PullOptions): Promise<PullResult> {
  const limit = Math.max(1, opts.limit ?? 500);
  const key = opts.checkpointKey ?? `changes:${opts.role}`;
  const selector = (opts.serverFilter ?? opts.role === 'agent') ? changesSelector(opts.role) : undefined;
  let since: Seq = (await store.getCheckpoint(key)) ?? 0;
  const result: PullResult = { applied: 0, deleted: 0, skipped: 0, invalid: [], lastSeq: since, batches: 0 };

  while (opts.maxBatches === undefined || result.batches < opts.maxBatches) {
    const page = await client.changes(since, { limit, includeDocs: true, ...(selector ? { selector } : {}) });
    result.batches += 1;
    const taken = takeChanges(page, opts.role);
    if (taken.docs.length > 0 || taken.deletedIds.length > 0) await opts.apply(taken.docs, taken.deletedIds);
    result.applied += taken.docs.length;
    result.deleted += taken.deletedIds.length;
    result.skipped += taken.skipped;
    result.invalid.push(...taken.invalid);
    await store.putCheckpoint(key, page.lastSeq);
    result.lastSeq = page.lastSeq;
    const caughtUp = page.pending !== undefined ? page.pending === 0 : page.results.length < limit;
    if (caughtUp || page.results.length === 0 || page.lastSeq === since) break;
    since = page.lastSeq;
  }
  return result;
}
