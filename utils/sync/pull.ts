/**
 * Pull: `_changes` since the stored checkpoint, in batches. Agents take the team's templates and
 * settings; leads take every record. The checkpoint moves only after `apply` succeeded, so a
 * background stopped halfway pulls the same batch again (applying is idempotent: documents are
 * append-only and keyed by id).
 */
import type { CouchClient } from './couch-client';
import type { DocType, SyncDoc } from '../cases/team-docs';
import { parseSyncDoc } from './docs';
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

export interface PullOptions {
  role: SyncRole;
  /** Store the documents locally; throwing leaves the checkpoint where it was. */
  apply: (docs: SyncDoc[]) => Promise<void>;
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
  /** Documents on the server with a shape we do not know (or for another role), skipped. */
  skipped: number;
  /** Malformed documents (shown in the sync page's log). */
  invalid: Array<{ id: string; reason: string }>;
  lastSeq: Seq;
  batches: number;
}

export async function pullChanges(store: SyncStore, client: CouchClient, opts: PullOptions): Promise<PullResult> {
  const limit = Math.max(1, opts.limit ?? 500);
  const key = opts.checkpointKey ?? `changes:${opts.role}`;
  const wanted = new Set<string>(PULLED_TYPES[opts.role]);
  const selector = (opts.serverFilter ?? opts.role === 'agent') ? { type: { $in: [...PULLED_TYPES[opts.role]] } } : undefined;
  let since: Seq = (await store.getCheckpoint(key)) ?? 0;
  const result: PullResult = { applied: 0, skipped: 0, invalid: [], lastSeq: since, batches: 0 };

  while (opts.maxBatches === undefined || result.batches < opts.maxBatches) {
    const page = await client.changes(since, { limit, includeDocs: true, ...(selector ? { selector } : {}) });
    result.batches += 1;
    const docs: SyncDoc[] = [];
    for (const row of page.results) {
      const doc = row.doc;
      if (!doc || row.deleted || doc._deleted || row.id.startsWith('_design/')) {
        result.skipped += 1;
        continue;
      }
      if (!wanted.has(String(doc.type))) {
        result.skipped += 1;
        continue;
      }
      const parsed = parseSyncDoc(doc);
      if (!parsed.ok) {
        result.invalid.push({ id: row.id, reason: parsed.reason });
        continue;
      }
      docs.push(parsed.doc);
    }
    if (docs.length > 0) await opts.apply(docs);
    result.applied += docs.length;
    await store.putCheckpoint(key, page.lastSeq);
    result.lastSeq = page.lastSeq;
    const caughtUp = page.pending !== undefined ? page.pending === 0 : page.results.length < limit;
    if (caughtUp || page.results.length === 0 || page.lastSeq === since) break;
    since = page.lastSeq;
  }
  return result;
}
