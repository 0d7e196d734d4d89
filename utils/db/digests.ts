/**
 * The `digests` store: per case, what the dashboard reads (the log's marks), kept in step with
 * the log by every write path, in the same transaction as the write:
 * - a case's own write (case-store.ts) appends the new events' marks, or rebuilds them;
 * - restores, CSV imports and team pulls rebuild the digests of the cases they touch;
 * - erasure and retention leave a `deleted` digest in place of the case's.
 * Each write raises the digest's `rev` and marks it dirty. The dashboard reads the source's pack
 * (every digest as of its making, with SLA states, in a few buffers) plus the dirty digests, and
 * stores a new pack (storePack), which clears the dirty marks it took in.
 */
import type { CaseEvent, Category } from '../cases/events';
import type { CaseRecord } from '../cases/records';
import { casesFromSyncDocs } from '../metrics/cases-from-sync';
import { caseMarksWithEnd, extendMarks, insertMarks } from '../metrics/case-marks';
import { teamCaseOf, type SyncDoc as TeamSyncDoc } from '../cases/team-docs';
import type { IDBPTransaction } from 'idb';
import { ulid } from 'ulid';
import { foldChanges, packRows, unpackRows } from '../metrics/dashboard-pack';
import type { DashboardRow, RowChange } from '../metrics/dashboard-pack';
import type { CaseDigest, CaselineDBSchema, CaselineDb, CaselineStoreName, DashboardPackRecord, DashboardViewRecord, TeamRecord } from './schema';

export type DigestSource = CaseDigest['source'];
export const DIGEST_SOURCES: readonly DigestSource[] = ['local', 'team'];

/** A digest's content, without the bookkeeping a write adds. */
export type DigestBody = Omit<CaseDigest, 'rev' | 'dirty' | 'deleted'>;

/** Any transaction that can write `digests` (and read the stores named by the caller). */
type DigestTx = IDBPTransaction<CaselineDBSchema, CaselineStoreName[], 'readwrite' | 'versionchange'>;

export function digestKey(source: DigestSource, caseId: string): string {
  return `${source}:${caseId}`;
}

/** The category the figures use for a case whose record names none (as the case view does). */
const DEFAULT_CATEGORY: Category = 'inquiry';

/** A case's digest from its whole log. */
function digestOf(source: DigestSource, c: { caseId: string; agentId: string; category?: Category | undefined }, events: readonly CaseEvent[]): DigestBody {
  const { marks, end } = caseMarksWithEnd(events);
  return {
    key: digestKey(source, c.caseId),
    source,
    caseId: c.caseId,
    agentId: c.agentId,
    category: c.category ?? DEFAULT_CATEGORY,
    eventCount: events.length,
    ...(end ? { lastAt: end.at, lastId: end.id } : {}),
    marks,
  };
}

/** A local case's digest from its record and whole log. */
export function localDigest(record: CaseRecord, events: readonly CaseEvent[]): DigestBody {
  return digestOf('local', record, events);
}

/**
 * The digest after appending `events` to a log of `priorCount` events whose digest is `prior`;
 * undefined when it must be rebuilt from the whole log (no digest, one out of step, or an event
 * at the very time of one the marks hold).
 */
export function appendedDigest(prior: CaseDigest | undefined, priorCount: number, record: CaseRecord, events: readonly CaseEvent[]): DigestBody | undefined {
  if (!prior || prior.deleted || prior.eventCount !== priorCount) return undefined;
  const marks = [...prior.marks];
  const priorEnd = prior.lastAt === undefined || prior.lastId === undefined ? undefined : { at: prior.lastAt, id: prior.lastId };
  // Usually the new events come last; one with an older time (a message read late) is inserted.
  let end = extendMarks(marks, priorEnd, events);
  if (end === false) end = insertMarks(marks, priorEnd, events);
  if (end === false) return undefined;
  return {
    key: prior.key,
    source: 'local',
    caseId: record.caseId,
    agentId: record.agentId,
    category: record.category ?? DEFAULT_CATEGORY,
    eventCount: priorCount + events.length,
    ...(end ? { lastAt: end.at, lastId: end.id } : {}),
    marks,
  };
}

/** Rebuilds (or deletes, when the case is gone) the local digests of `caseIds`. Needs `cases`, `events`, `digests`. */
export async function rebuildLocalDigests(tx: DigestTx, caseIds: Iterable<string>): Promise<void> {
  const cases = tx.objectStore('cases');
  const byCase = tx.objectStore('events').index('byCase');
  await rebuildDigests(tx, 'local', caseIds, async (caseId) => {
    const [record, events] = await Promise.all([cases.get(caseId), byCase.getAll(caseId)]);
    return record ? localDigest(record, events) : undefined;
  });
}

/** Rebuilds the digests of `caseIds` from what `bodyOf` makes of each (undefined: the case is gone). */
async function rebuildDigests(tx: DigestTx, source: DigestSource, caseIds: Iterable<string>, bodyOf: (caseId: string) => Promise<DigestBody | undefined>): Promise<void> {
  const digests = tx.objectStore('digests');
  const results = await Promise.all(
    [...new Set(caseIds)].map(async (caseId) => {
      const [body, prior] = await Promise.all([bodyOf(caseId), digests.get(digestKey(source, caseId))]);
      return { caseId, body, prior };
    }),
  );
  await storeRebuilt(tx, source, results);
}

/**
 * The case a team document belongs to in the lead's view, if any: its author's own case of the
 * key it names (`<author>:<caseKey>`, see utils/cases/team-docs.ts).
 */
export function teamCaseId(doc: TeamSyncDoc): string | undefined {
  return teamCaseOf(doc);
}

export function teamRecord(doc: TeamSyncDoc): TeamRecord {
  const caseId = teamCaseId(doc);
  return { id: doc._id, type: doc.type, agentId: doc.author, ...(caseId === undefined ? {} : { caseId }), doc };
}

/** A team case's digest from every pulled document about it; undefined when it has no events. */
export function teamDigest(caseId: string, docs: readonly TeamSyncDoc[]): DigestBody | undefined {
  const built = casesFromSyncDocs(docs).cases.find((c) => c.caseId === caseId);
  return built ? digestOf('team', built, built.events) : undefined;
}

/** Rebuilds (or deletes) the team digests of `caseIds`. Needs `team` and `digests`. */
export async function rebuildTeamDigests(tx: DigestTx, caseIds: Iterable<string>): Promise<void> {
  const byCase = tx.objectStore('team').index('byCase');
  await rebuildDigests(tx, 'team', caseIds, async (caseId) => teamDigest(caseId, (await byCase.getAll(caseId)).map((r) => r.doc)));
}

/**
 * From this many digests rebuilt at once (a restore, an import, a large pull), they are folded
 * straight into the source's pack and stored clean, instead of being marked for the next pack:
 * clearing thousands of marks later would leave as many deleted index entries, which make every
 * later look for marked digests slow until the database compacts them.
 */
const BULK_DIGESTS = 200;

type Rebuilt = { caseId: string; body: DigestBody | undefined; prior: CaseDigest | undefined };

/** Stores rebuilt digests: marked for the next pack, or in bulk folded into it. Needs `digests`, and `packs` for bulk. */
async function storeRebuilt(tx: DigestTx, source: DigestSource, results: readonly Rebuilt[]): Promise<void> {
  const digests = tx.objectStore('digests');
  const bulk = results.length >= BULK_DIGESTS;
  if (bulk) await foldIntoPack(tx, source, results);
  await Promise.all(
    results.map(({ body, prior }) => {
      if (body) return digests.put(bulk ? { ...body, rev: (prior?.rev ?? 0) + 1 } : written(body, prior));
      if (!prior) return undefined;
      return bulk ? digests.delete(prior.key) : digests.put(gone(prior));
    }),
  );
}

/**
 * Folds rebuilt digests into the source's pack, under a new version (their cases' SLA states
 * are dropped, to be evaluated again). With no pack yet, the pack is made here from every
 * digest of the source: the rebuilt digests are stored clean, so a pack made from a read before
 * this write (the dashboard open during a first restore) must find a version it did not read,
 * or it would be stored without them and they would never be read again.
 */
async function foldIntoPack(tx: DigestTx, source: DigestSource, results: readonly Rebuilt[]): Promise<void> {
  const changes = results.map(({ caseId, body, prior }) => (body ? body : { caseId, agentId: prior?.agentId ?? '', marks: [], deleted: 1 as const }));
  await replacePack(tx, source, changes);
}

/**
 * Stores the source's pack with `changes` folded in, under a new version: a pack or a view made
 * from a read before this write is then not stored (storeDashboard). With no pack yet, it is
 * made from every digest of the source, as the dashboard's first read would.
 */
async function replacePack(tx: DigestTx, source: DigestSource, changes: readonly RowChange[]): Promise<void> {
  const packs = tx.objectStore('packs');
  const pack = await packs.get(source);
  forgetPacks(tx.db as CaselineDb);
  const before = pack ? unpackRows(pack.rows) : foldChanges([], await tx.objectStore('digests').index('bySource').getAll(source));
  await packs.put({ source, version: ulid(), policyKey: pack?.policyKey ?? '', rows: packRows(foldChanges(before, changes)) });
}

/** What a write stores: the new content, its rev raised, marked for the next pack. */
export function written(body: DigestBody, prior: CaseDigest | undefined): CaseDigest {
  return { ...body, rev: (prior?.rev ?? 0) + 1, dirty: 1 };
}

/** What stands for a case that is gone until the pack has dropped it. */
export function gone(prior: CaseDigest): CaseDigest {
  return { key: prior.key, source: prior.source, caseId: prior.caseId, agentId: prior.agentId, eventCount: 0, marks: [], rev: prior.rev + 1, dirty: 1, deleted: 1 };
}

/** Marks the digest of a case that is gone (erasure, retention). Needs `digests`. */
export async function markGone(tx: DigestTx, source: DigestSource, caseId: string): Promise<void> {
  const store = tx.objectStore('digests');
  const prior = await store.get(digestKey(source, caseId));
  if (prior && !prior.deleted) await store.put(gone(prior));
}

/**
 * Erasure: the cases' digests are deleted and their rows leave the source's pack at once, under
 * a new version (a pack or view being made from an older read is then not stored), so nothing
 * about them waits for the dashboard's next visit. Needs `digests` and `packs`.
 */
export async function dropFromPacks(tx: DigestTx, source: DigestSource, caseIds: readonly string[]): Promise<void> {
  if (caseIds.length === 0) return;
  const digests = tx.objectStore('digests');
  await Promise.all(caseIds.map((caseId) => digests.delete(digestKey(source, caseId))));
  await replacePack(tx, source, caseIds.map((caseId) => ({ caseId, agentId: '', marks: [], deleted: 1 as const })));
}

/** An empty pack under a new version (after a wipe: no pack made from older data is stored). */
export function emptyPack(source: DigestSource): DashboardPackRecord {
  return { source, version: ulid(), policyKey: '', rows: packRows([]) };
}

/** After emptying `digests` and `packs`: empty packs under new versions. Needs `packs`. */
export async function resetPacks(tx: DigestTx): Promise<void> {
  forgetPacks(tx.db as CaselineDb);
  await Promise.all(DIGEST_SOURCES.map((source) => tx.objectStore('packs').put(emptyPack(source))));
}

/** What the dashboard reads of a source: its pack's cases, and the digests written since. */
export interface DigestRead {
  /** The pack's version (undefined: no pack yet) and the policy its SLA states were made under. */
  version: string | undefined;
  policyKey: string | undefined;
  /** The pack's cases (a fresh array: the caller may change it). */
  rows: DashboardRow[];
  /** Digests written since the pack (with no pack: every digest of the source). */
  changed: CaseDigest[];
}

/**
 * The last pack of each source stored or read through this connection, unpacked: while the
 * stored pack still has its version (the `byVersion` index answers with a key lookup) it is that
 * pack, and a filter change need not read and unpack it again. The dashboard page reads through
 * its own connection while the background replaces packs (restores, pulls, erasures) through
 * another, so the version is checked on every read; wipes through this connection forget it
 * at once (forgetPacks).
 */
const unpacked = new WeakMap<CaselineDb, Map<DigestSource, { version: string; policyKey: string; rows: readonly DashboardRow[] }>>();

function remember(db: CaselineDb, source: DigestSource, kept: { version: string; policyKey: string; rows: readonly DashboardRow[] }): void {
  let bySource = unpacked.get(db);
  if (!bySource) unpacked.set(db, (bySource = new Map()));
  bySource.set(source, kept);
}

/** Drops the unpacked packs of a connection (after a wipe, a restore, an erasure). */
export function forgetPacks(db: CaselineDb): void {
  unpacked.delete(db);
}

/** The source's pack and the digests written since, in one transaction. */
export async function readDigests(db: CaselineDb, source: DigestSource): Promise<DigestRead> {
  const tx = db.transaction(['packs', 'digests'], 'readonly');
  const digests = tx.objectStore('digests');
  const packs = tx.objectStore('packs');
  const kept = unpacked.get(db)?.get(source);
  if (kept && (await packs.index('byVersion').getKey(kept.version)) === source) {
    const changed = await digests.index('byDirty').getAll([source, 1]);
    await tx.done;
    return { version: kept.version, policyKey: kept.policyKey, rows: [...kept.rows], changed };
  }
  const pack = await packs.get(source);
  const changed = pack ? await digests.index('byDirty').getAll([source, 1]) : await digests.index('bySource').getAll(source);
  await tx.done;
  if (!pack) return { version: undefined, policyKey: undefined, rows: [], changed };
  const rows = unpackRows(pack.rows);
  remember(db, source, { version: pack.version, policyKey: pack.policyKey, rows });
  return { version: pack.version, policyKey: pack.policyKey, rows: [...rows], changed };
}

/**
 * Stores a new pack of `rows` (made from what readDigests gave: `readVersion`, and the digests
 * `taken` in), unless another pack or a wipe came in between (then nothing is written: the next read starts again). The
 * digests taken in lose their dirty mark, unless written again since; gone ones are deleted.
 */
export async function storePack(db: CaselineDb, readVersion: string | undefined, source: DigestSource, policyKey: string, rows: readonly DashboardRow[], taken: readonly CaseDigest[]): Promise<boolean> {
  return storeDashboard(db, readVersion, source, { pack: { policyKey, rows, taken } });
}

/**
 * Stores what the dashboard made from a read of pack `readVersion`: a new pack (see storePack)
 * and the view it showed (the `views` store, painted first next time), in one transaction, only
 * if the source's pack is still the one read: after a write that changed the pack (a restore, an
 * erasure, a wipe, another pack) neither is stored.
 */
export async function storeDashboard(
  db: CaselineDb,
  readVersion: string | undefined,
  source: DigestSource,
  update: { pack?: { policyKey: string; rows: readonly DashboardRow[]; taken: readonly CaseDigest[] }; view?: DashboardViewRecord },
): Promise<boolean> {
  const { pack: made, view } = update;
  if (!made && !view) return false;
  const pack: DashboardPackRecord | undefined = made && { source, version: ulid(), policyKey: made.policyKey, rows: packRows(made.rows) };
  const tx = db.transaction(['packs', 'digests', 'views'], 'readwrite');
  const packs = tx.objectStore('packs');
  const digests = tx.objectStore('digests');
  if ((await packs.get(source))?.version !== readVersion) {
    await tx.done;
    return false;
  }
  await Promise.all([
    view ? tx.objectStore('views').put(view) : undefined,
    pack ? packs.put(pack) : undefined,
    ...(made?.taken ?? []).map(async (d) => {
      const now = await digests.get(d.key);
      if (!now || now.rev !== d.rev) return;
      if (now.deleted) await digests.delete(d.key);
      else if (now.dirty) {
        const { dirty: _dirty, ...clean } = now;
        await digests.put(clean);
      }
    }),
  ]);
  await tx.done;
  if (pack && made) remember(db, source, { version: pack.version, policyKey: made.policyKey, rows: made.rows });
  return true;
}
