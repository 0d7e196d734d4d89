/**
 * The team's records pulled from the sync server (documents as the server holds them), stored
 * with, in the same transaction, the digests of the cases they are about.
 *
 * - Every record is its author's: it is filed under the author's own case of the key it names
 *   (`<author>:<caseKey>`), so nobody's record joins or changes another user's case.
 * - A record once stored is never replaced by a different one under the same id (documents are
 *   append-only; a different revision can only be a grafted branch): the first is kept and the
 *   id reported.
 * - A document deleted on the server (an admin's maintenance, an erasure) is removed here with
 *   whatever was derived from it (digests, the dashboard's pack), whatever its type.
 * - An erasure request removes every pulled document about the cases its author names (its
 *   author's own cases only), and keeps itself, so a document about them that arrives later is
 *   dropped too.
 */
import { markGone, rebuildTeamDigests, teamRecord } from '../db/digests';
import type { CaselineDb } from '../db/schema';
import { ownedCase, type SyncDoc } from '../cases/team-docs';
import { sameDocument } from '../sync/push';

/** The cases an erasure request names, as its author's own (agents erase a customer's cases: sop/004 §10). */
function erasedCases(doc: SyncDoc): string[] {
  if (doc.type !== 'erasure') return [];
  const keys = doc.erasure.caseKeys;
  return Array.isArray(keys) ? keys.filter((k): k is string => typeof k === 'string').map((k) => ownedCase(doc.author, k)) : [];
}

export interface TeamBatchResult {
  stored: number;
  removed: number;
  /** Ids whose stored record was kept because the server sent a different one (a grafted revision). */
  keptFirst: string[];
  /** Whether team publications (templates, settings) changed: libraries and policies to refresh. */
  publicationsChanged: boolean;
}

const PUBLICATION_TYPES = new Set(['template', 'settings']);
const publicationsVersion = new WeakMap<CaselineDb, number>();

/** Changes whenever this connection stores or removes a team publication (a cache key for readers). */
export function teamPublicationsVersion(db: CaselineDb): number {
  return publicationsVersion.get(db) ?? 0;
}

/** Stores one pulled batch: documents kept, deletions removed, digests rebuilt, in one transaction. */
export async function applyTeamBatch(db: CaselineDb, docs: readonly SyncDoc[], deletedIds: readonly string[] = []): Promise<TeamBatchResult> {
  const tx = db.transaction(['team', 'digests', 'packs'], 'readwrite');
  const team = tx.objectStore('team');
  const result: TeamBatchResult = { stored: 0, removed: 0, keptFirst: [], publicationsChanged: false };
  const touched = new Set<string>();

  const gone = (await Promise.all(deletedIds.map((id) => team.get(id)))).filter((r) => r !== undefined);
  for (const r of gone) {
    if (r.caseId !== undefined) touched.add(r.caseId);
    if (PUBLICATION_TYPES.has(r.type)) result.publicationsChanged = true;
  }
  await Promise.all(gone.map((r) => team.delete(r.id)));
  result.removed = gone.length;

  const erased = new Set(docs.flatMap(erasedCases));
  for (const r of await team.index('byType').getAll('erasure')) for (const c of erasedCases(r.doc)) erased.add(c);
  const incoming = docs.map(teamRecord).filter((r) => r.caseId === undefined || !erased.has(r.caseId));
  const stored = await Promise.all(incoming.map((r) => team.get(r.id)));
  const records = incoming.filter((r, i) => {
    const before = stored[i];
    if (!before || sameDocument(before.doc as unknown as Record<string, unknown>, r.doc as unknown as Record<string, unknown>)) return true;
    result.keptFirst.push(r.id);
    return false;
  });
  await Promise.all(records.map((r) => team.put(r)));
  result.stored = records.length;
  for (const r of records) {
    if (r.caseId !== undefined) touched.add(r.caseId);
    if (PUBLICATION_TYPES.has(r.type)) result.publicationsChanged = true;
  }
  await Promise.all(
    [...erased].map(async (caseId) => {
      const keys = await team.index('byCase').getAllKeys(caseId);
      await Promise.all([...keys.map((k) => team.delete(k)), markGone(tx, 'team', caseId)]);
    }),
  );
  await rebuildTeamDigests(tx, [...touched].filter((c) => !erased.has(c)));
  await tx.done;
  if (result.publicationsChanged) publicationsVersion.set(db, teamPublicationsVersion(db) + 1);
  return result;
}

/** Stores pulled documents (no deletions): see applyTeamBatch. */
export async function putTeamDocs(db: CaselineDb, docs: readonly SyncDoc[]): Promise<TeamBatchResult> {
  return applyTeamBatch(db, docs, []);
}

export async function listTeamDocs(db: CaselineDb): Promise<SyncDoc[]> {
  return (await db.getAll('team')).map((r) => r.doc);
}

/** The pulled publications of one type (templates or settings), as the server holds them. */
export async function listTeamPublications<T extends 'template' | 'settings'>(db: CaselineDb, type: T): Promise<Array<Extract<SyncDoc, { type: T }>>> {
  return (await db.getAllFromIndex('team', 'byType', type)).map((r) => r.doc as Extract<SyncDoc, { type: T }>);
}

/** A case summary as the lead pulled it (the fields the shared inbox reads). */
export interface TeamCaseSummary {
  createdAt: string;
  open?: unknown;
  nextDueAt?: unknown;
  thread?: unknown;
  reference?: unknown;
}

/** The team's case summaries a lead has pulled: the latest of each author's case. */
export async function teamCaseSummaries(db: CaselineDb): Promise<TeamCaseSummary[]> {
  const latest = new Map<string, TeamCaseSummary>();
  for (const r of await db.getAllFromIndex('team', 'byType', 'case')) {
    const doc = r.doc as { author: string; createdAt: string; case: Record<string, unknown> };
    const key = `${doc.author}:${String(doc.case.caseId)}`;
    const known = latest.get(key);
    if (!known || doc.createdAt >= known.createdAt) latest.set(key, { ...doc.case, createdAt: doc.createdAt });
  }
  return [...latest.values()];
}
