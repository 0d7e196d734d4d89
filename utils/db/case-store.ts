/**
 * Case commands and queries. Each user action is ONE readwrite transaction over every store it
 * touches (events, case summary, reference counters, sync outbox): it all lands, or none of it.
 */
import type { IDBPTransaction } from 'idb';
import { monotonicFactory } from 'ulid';
import { eventsFromListRow, eventsFromSnapshot } from '../cases/auto-events';
import type { AutoEventContext } from '../cases/auto-events';
import { caseIdFor, parseCaseId } from '../cases/case-id';
import { parseCaseEvent } from '../cases/event-schema';
import type { CaseEvent, Category } from '../cases/events';
import { applyEvent, decide, deriveCase, formatReference, normalizeReferencePrefix } from '../cases/lifecycle';
import type { CaseCommand, CaseState, Decision, LifecyclePolicy, ReferenceKind } from '../cases/lifecycle';
import type { CaseRecord, CaseRecordPatch } from '../cases/records';
import type { MailHost, ThreadListRow, ThreadSnapshot } from '../cases/mail-thread';
import { toSyncDoc } from '../privacy/sync-docs';
import type { SyncDoc, SyncPrivacySettings } from '../privacy/sync-docs';
import { beginTransaction, CaselineWriteError, inOneTransaction } from './errors';
import { appendedDigest, digestKey, forgetPacks, localDigest, written } from './digests';
import type { CaseDigest, CaselineDBSchema, CaselineDb, CaselineStoreName, OutboxItem } from './schema';
import { DEFAULT_SETTINGS } from './settings';
import { TEAM_PROFILE_KEY } from './thread-keys';
import type { CaselineSettings } from './settings';

export type WriteTx = IDBPTransaction<CaselineDBSchema, CaselineStoreName[], 'readwrite'>;

const CASE_WRITE_STORES: CaselineStoreName[] = ['cases', 'events', 'outbox', 'meta', 'settings', 'counters', 'digests'];
const outboxUlid = monotonicFactory();

export interface ApplyOptions {
  /** Queue sync documents (per the privacy rules) in the same transaction. */
  syncable: boolean;
  /** The agent doing this (owner of a new case, prefix of outbox ids). */
  agentId: string;
  /** ISO instant of the action; default the current time. */
  now?: string;
}

/** More writes in the same transaction as a case's events (the shared inbox's ownership records). */
export interface AlongsideWrites {
  stores: readonly CaselineStoreName[];
  /** Runs after the case's own writes; throwing undoes everything. */
  write: (tx: WriteTx, change: AppliedChange, settings: CaselineSettings & { salt: string }) => Promise<void>;
}

export interface AppliedChange {
  record: CaseRecord;
  state: CaseState;
  /** The events written by this action. */
  events: CaseEvent[];
}

/** ok with `record` undefined only when nothing was written and the case does not exist. */
export type CommandResult =
  | { ok: true; record: CaseRecord | undefined; state: CaseState; events: CaseEvent[] }
  | { ok: false; error: string };

/**
 * Appends events, upserts the case summary and queues outbox documents, in one transaction.
 * Throws CaselineWriteError (with a sentence for the user) and leaves nothing written when any
 * part fails: an invalid event, a duplicate event id, quota, a closed database.
 */
export async function applyCaseEvents(
  db: CaselineDb,
  caseId: string,
  events: readonly CaseEvent[],
  recordPatch: CaseRecordPatch,
  options: ApplyOptions,
  alongside?: AlongsideWrites,
): Promise<AppliedChange> {
  checkEvents(caseId, events);
  const stores = alongside ? [...new Set([...CASE_WRITE_STORES, ...alongside.stores])] : CASE_WRITE_STORES;
  const tx = beginTransaction(() => db.transaction(stores, 'readwrite') as WriteTx);
  let prior: PriorCase | undefined;
  const change = await inOneTransaction(tx, async () => {
    prior = await readCase(db, tx, caseId, false);
    const settings = await readSettings(tx);
    const written = await writeCaseChange(tx, caseId, prior, events, recordPatch, options, settings);
    if (alongside) await alongside.write(tx, written, settings);
    return written;
  });
  rememberState(db, caseId, prior!, change.events, change.state);
  return change;
}

export interface RunCommandInput {
  caseId: string;
  command: CaseCommand;
  agentId: string;
  now: string;
  /** Event ids; use a monotonic ULID factory so the log keeps its order. */
  newId: () => string;
  syncable: boolean;
  /** Default: the referencePrefix setting. */
  referencePrefix?: string;
  /** Default: followUpsBeforeClose from settings, NPS off. */
  policy?: Partial<LifecyclePolicy>;
  recordPatch?: CaseRecordPatch;
}

/**
 * An agent's command as one transaction: read the log, decide, take a reference number if one
 * is issued, write. A refusal writes nothing and returns the sentence to show.
 */
export async function runCaseCommand(db: CaselineDb, input: RunCommandInput): Promise<CommandResult> {
  return decideAndWrite(db, input.caseId, input.recordPatch ?? {}, input, input.referencePrefix, (state, nextReference, settings) =>
    decide(state, input.command, {
      agentId: input.agentId,
      now: input.now,
      newId: input.newId,
      nextReference,
      policy: { followUpsBeforeClose: settings.followUpsBeforeClose, ...input.policy },
    }),
    false,
  );
}

export interface AutoOptions {
  agentId: string;
  now: string;
  newId: () => string;
  syncable: boolean;
  referencePrefix?: string;
}

/**
 * A thread read from the page: automatic events plus subject and customer on the summary, in
 * one transaction. Returns ok with no events when the log already says it all.
 */
export async function recordSnapshot(db: CaselineDb, snapshot: ThreadSnapshot, options: AutoOptions): Promise<CommandResult> {
  const caseId = caseIdFor(snapshot.host, snapshot.threadId);
  const firstInbound = snapshot.messages.find((m) => m.direction === 'inbound');
  const patch: CaseRecordPatch = { host: snapshot.host, threadId: snapshot.threadId, subject: snapshot.subject };
  if (firstInbound?.from.email) patch.customerEmail = firstInbound.from.email;
  if (firstInbound?.from.name) patch.customerName = firstInbound.from.name;
  return decideAndWrite(db, caseId, patch, options, options.referencePrefix, (state, nextReference, _settings, prior) => {
    const ctx: AutoEventContext = { newId: options.newId, agentId: options.agentId, now: options.now, nextReference };
    return { ok: true, events: eventsFromSnapshot(snapshot, { events: prior }, ctx) };
  }, true);
}

/** A conversation-list row: starts the case (received at the row's time) if it has none yet. */
export async function recordListRow(
  db: CaselineDb,
  row: ThreadListRow,
  options: AutoOptions & { host: MailHost; account?: string },
): Promise<CommandResult> {
  if (!row.threadId) return { ok: true, events: [], record: undefined, state: deriveCase([]) };
  const caseId = caseIdFor(options.host, row.threadId);
  const patch: CaseRecordPatch = { host: options.host, threadId: row.threadId, subject: row.subject };
  if (row.from.email) patch.customerEmail = row.from.email;
  if (row.from.name) patch.customerName = row.from.name;
  return decideAndWrite(db, caseId, patch, options, options.referencePrefix, (_state, _next, _settings, prior) => ({
    ok: true,
    events: eventsFromListRow(row, { events: prior }, { newId: options.newId, agentId: options.agentId, host: options.host, ...(options.account ? { account: options.account } : {}) }),
  }), true);
}

/** Issues the next reference number of a kind for a prefix, in its own transaction. */
export async function nextReference(db: CaselineDb, kind: ReferenceKind, prefix: string): Promise<string> {
  const clean = normalizeReferencePrefix(prefix);
  const tx = beginTransaction(() => db.transaction(['counters'], 'readwrite') as unknown as WriteTx);
  return inOneTransaction(tx, async () => {
    const key = counterKey(kind, clean);
    const current = (await tx.objectStore('counters').get(key))?.value ?? 0;
    await tx.objectStore('counters').put({ key, value: current + 1 });
    return formatReference(kind, clean, current + 1);
  });
}

export function getCase(db: CaselineDb, caseId: string): Promise<CaseRecord | undefined> {
  return db.get('cases', caseId);
}

/** A case's events in log order (ids are monotonic ULIDs). */
export function getCaseEvents(db: CaselineDb, caseId: string): Promise<CaseEvent[]> {
  return db.getAllFromIndex('events', 'byCase', caseId);
}

/** The events of several cases read in one transaction, in the order of `caseIds` (each list as getCaseEvents gives it). */
export async function getEventsOfCases(db: CaselineDb, caseIds: string[]): Promise<CaseEvent[][]> {
  const tx = db.transaction('events', 'readonly');
  const byCase = tx.store.index('byCase');
  const [lists] = await Promise.all([Promise.all(caseIds.map((caseId) => byCase.getAll(caseId))), tx.done]);
  return lists;
}

export async function getCaseState(db: CaselineDb, caseId: string): Promise<CaseState> {
  return deriveCase(await getCaseEvents(db, caseId));
}

/**
 * Open cases, soonest deadline first; open cases without a deadline follow, oldest first.
 */
export async function listOpenCasesByDeadline(db: CaselineDb, limit: number): Promise<CaseRecord[]> {
  const tx = db.transaction('cases', 'readonly');
  const withDeadline = await tx.store.index('byDeadline').getAll(IDBKeyRange.bound([1, ''], [1, []]), limit);
  if (withDeadline.length >= limit) return withDeadline;
  const rest: CaseRecord[] = [];
  let cursor = await tx.store.index('byOpen').openCursor(IDBKeyRange.only(1));
  while (cursor && withDeadline.length + rest.length < limit) {
    if (cursor.value.nextDueAt === undefined) rest.push(cursor.value);
    cursor = await cursor.continue();
  }
  rest.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return [...withDeadline, ...rest];
}

export function listCasesByCategory(db: CaselineDb, category: Category, limit?: number): Promise<CaseRecord[]> {
  return db.getAllFromIndex('cases', 'byCategory', category, limit);
}

/** Cases created in [from, to) (ISO instants), oldest first. */
export function listCasesCreatedBetween(db: CaselineDb, from: string, to: string, limit?: number): Promise<CaseRecord[]> {
  return db.getAllFromIndex('cases', 'byCreatedAt', IDBKeyRange.bound(from, to, false, true), limit);
}

/** Sets the next SLA deadline after evaluation (undefined clears it), one transaction. */
export async function setNextDueAt(db: CaselineDb, caseId: string, nextDueAt: string | undefined): Promise<void> {
  const tx = beginTransaction(() => db.transaction('cases', 'readwrite'));
  await inOneTransaction(tx, async () => {
    const record = await tx.store.get(caseId);
    if (!record) throw new CaselineWriteError('That case is not in the database.');
    const next = { ...record };
    if (nextDueAt === undefined || record.open === 0) delete next.nextDueAt;
    else next.nextDueAt = nextDueAt;
    await tx.store.put(next);
  });
}

// ───────────────────────── inside a transaction ─────────────────────────

export function counterKey(kind: ReferenceKind, prefix: string): string {
  return `${kind}:${prefix}`;
}

interface PriorCase {
  record: CaseRecord | undefined;
  /** The log, when the caller needed it (auto events compare message ids). */
  events: CaseEvent[] | undefined;
  state: CaseState;
  count: number;
  lastId: string | undefined;
}

/**
 * Derived states of recently written cases, per connection, so an append does not re-read a long
 * log. An entry is used only when the log's size and last key in the database still match it.
 */
const stateCache = new WeakMap<CaselineDb, Map<string, { state: CaseState; count: number; lastId: string | undefined }>>();
const STATE_CACHE_LIMIT = 500;

async function readCase(db: CaselineDb, tx: WriteTx, caseId: string, needEvents: boolean): Promise<PriorCase> {
  const cached = needEvents ? undefined : stateCache.get(db)?.get(caseId);
  if (cached) {
    const index = tx.objectStore('events').index('byCase');
    const [record, count, last] = await Promise.all([
      tx.objectStore('cases').get(caseId),
      index.count(caseId),
      index.openKeyCursor(IDBKeyRange.only(caseId), 'prev'),
    ]);
    if (count === cached.count && last?.primaryKey === cached.lastId) {
      return { record, events: undefined, state: cached.state, count, lastId: cached.lastId };
    }
  }
  const [record, events] = await Promise.all([tx.objectStore('cases').get(caseId), tx.objectStore('events').index('byCase').getAll(caseId)]);
  return { record, events, state: deriveCase(events), count: events.length, lastId: events.at(-1)?.id };
}

/** Drops every remembered state of a database (after imports, purges and erasures). */
export function forgetDerivedStates(db: CaselineDb): void {
  stateCache.delete(db);
  forgetPacks(db);
}

/** Remembers a committed state (only when the new ids sort after the old: the log order holds). */
function rememberState(db: CaselineDb, caseId: string, prior: PriorCase, written: readonly CaseEvent[], state: CaseState): void {
  let cache = stateCache.get(db);
  if (!cache) stateCache.set(db, (cache = new Map()));
  let lastId = prior.lastId;
  for (const event of written) {
    if (lastId !== undefined && event.id <= lastId) {
      cache.delete(caseId);
      return;
    }
    lastId = event.id;
  }
  cache.delete(caseId);
  if (cache.size >= STATE_CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(caseId, { state, count: prior.count + written.length, lastId });
}

async function readSettings(tx: WriteTx): Promise<CaselineSettings & { salt: string; threadSalt?: string }> {
  const [records, salt, profile] = await Promise.all([tx.objectStore('settings').getAll(), tx.objectStore('meta').get('syncSalt'), tx.objectStore('meta').get(TEAM_PROFILE_KEY)]);
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const r of records) if (r.key in DEFAULT_SETTINGS) merged[r.key] = r.value;
  const threadSalt = (profile?.value as { salt?: unknown } | undefined)?.salt;
  return { ...(merged as unknown as CaselineSettings), salt: typeof salt?.value === 'string' ? salt.value : '', ...(typeof threadSalt === 'string' ? { threadSalt } : {}) };
}

type Produce = (
  state: CaseState,
  nextReference: (kind: ReferenceKind) => string,
  settings: CaselineSettings,
  prior: CaseEvent[],
) => Decision;

async function decideAndWrite(
  db: CaselineDb,
  caseId: string,
  patch: CaseRecordPatch,
  options: ApplyOptions,
  prefixOverride: string | undefined,
  produce: Produce,
  needEvents: boolean,
): Promise<CommandResult> {
  const tx = beginTransaction(() => db.transaction(CASE_WRITE_STORES, 'readwrite') as WriteTx);
  let prior: PriorCase | undefined;
  const result = await inOneTransaction(tx, async (): Promise<CommandResult> => {
    const [read, settings] = await Promise.all([readCase(db, tx, caseId, needEvents), readSettings(tx)]);
    prior = read;
    const prefix = normalizeReferencePrefix(prefixOverride ?? settings.referencePrefix);
    const kinds: ReferenceKind[] = ['complaint', 'support', 'inquiry'];
    const counters = new Map<string, number>();
    await Promise.all(
      kinds.map(async (kind) => {
        const key = counterKey(kind, prefix);
        counters.set(key, (await tx.objectStore('counters').get(key))?.value ?? 0);
      }),
    );
    const used = new Set<string>();
    const issue = (kind: ReferenceKind): string => {
      const key = counterKey(kind, prefix);
      const value = (counters.get(key) ?? 0) + 1;
      counters.set(key, value);
      used.add(key);
      return formatReference(kind, prefix, value);
    };
    const decision = produce(read.state, issue, settings, read.events ?? []);
    if (!decision.ok) return decision;
    if (decision.events.length === 0 && (!read.record || !patchChanges(read.record, patch))) {
      return { ok: true as const, events: [], record: read.record, state: read.state };
    }
    checkEvents(caseId, decision.events);
    await Promise.all([...used].map((key) => tx.objectStore('counters').put({ key, value: counters.get(key)! })));
    const change = await writeCaseChange(tx, caseId, read, decision.events, patch, options, settings);
    return { ok: true as const, ...change };
  });
  if (result.ok && result.record && prior) rememberState(db, caseId, prior, result.events, result.state);
  return result;
}

function patchChanges(record: CaseRecord, patch: CaseRecordPatch): boolean {
  return (Object.keys(patch) as (keyof CaseRecordPatch)[]).some((key) => {
    if (key === 'clearNextDueAt') return patch.clearNextDueAt === true && record.nextDueAt !== undefined;
    const value = key === 'customerEmail' ? patch.customerEmail?.trim().toLowerCase() : patch[key];
    return value !== undefined && record[key] !== value;
  });
}

function checkEvents(caseId: string, events: readonly CaseEvent[]): void {
  events.forEach((event, index) => {
    const checked = parseCaseEvent(event);
    if (!checked.ok) throw new CaselineWriteError(`Event ${index + 1} is not valid (${checked.error}); nothing was saved.`);
    if (event.caseId !== caseId) throw new CaselineWriteError(`Event ${index + 1} belongs to another case; nothing was saved.`);
  });
}

async function writeCaseChange(
  tx: WriteTx,
  caseId: string,
  prior: PriorCase,
  events: readonly CaseEvent[],
  patch: CaseRecordPatch,
  options: ApplyOptions,
  settings: CaselineSettings & { salt: string; threadSalt?: string },
): Promise<AppliedChange> {
  const now = options.now ?? new Date().toISOString();
  let state = prior.state;
  for (const event of events) state = applyEvent(state, event);
  const record = buildRecord(caseId, prior.record, state, patch, options.agentId, now);
  // Reads first, then every write issued at once: a failing request aborts the transaction and
  // Promise.all reports it; no request is left without a handler.
  let privacy: SyncPrivacySettings | undefined;
  let stalePending: string[] = [];
  if (options.syncable) {
    if (!settings.salt) throw new CaselineWriteError('The sync salt is missing from the database; sync documents cannot be made.');
    privacy = { salt: settings.salt, shareSubject: settings.shareSubjectOnSync, shareNotes: settings.shareNotesOnSync, ...(settings.threadSalt ? { threadSalt: settings.threadSalt } : {}) };
    // Only the latest summary of a case needs to travel: drop older pending ones.
    stalePending = await tx.objectStore('outbox').index('byCaseKind').getAllKeys(IDBKeyRange.only([caseId, 'case', 'pending']));
  }
  const digest = await nextDigest(tx, prior, record, events);
  const writes: Promise<unknown>[] = [];
  const eventStore = tx.objectStore('events');
  for (const event of events) writes.push(eventStore.add(event));
  writes.push(tx.objectStore('cases').put(record));
  writes.push(tx.objectStore('digests').put(digest));
  if (privacy) {
    const outbox = tx.objectStore('outbox');
    for (const id of stalePending) writes.push(outbox.delete(id));
    for (const event of events) writes.push(outbox.add(outboxItem(options.agentId, toSyncDoc('event', event, privacy), now, caseId)));
    writes.push(outbox.add(outboxItem(options.agentId, toSyncDoc('case', record, privacy), now, caseId)));
  }
  for (const write of writes) write.catch(() => undefined);
  await Promise.all(writes);
  return { record, state, events: [...events] };
}

/** The dashboard's digest of the case after this write: appended to when it can be, else rebuilt. */
async function nextDigest(tx: WriteTx, prior: PriorCase, record: CaseRecord, events: readonly CaseEvent[]): Promise<CaseDigest> {
  const old = await tx.objectStore('digests').get(digestKey('local', record.caseId));
  if (prior.events) return written(localDigest(record, [...prior.events, ...events]), old);
  const body = appendedDigest(old, prior.count, record, events) ?? localDigest(record, [...(await tx.objectStore('events').index('byCase').getAll(record.caseId)), ...events]);
  return written(body, old);
}

export function outboxItem(agentId: string, doc: SyncDoc, now: string, caseId?: string): OutboxItem {
  const item: OutboxItem = { id: `${agentId}:${outboxUlid()}`, kind: doc.kind, doc, state: 'pending', attempts: 0, createdAt: now };
  if (caseId !== undefined) item.caseId = caseId;
  return item;
}

function buildRecord(caseId: string, existing: CaseRecord | undefined, state: CaseState, patch: CaseRecordPatch, agentId: string, now: string): CaseRecord {
  if (state.stage === null) {
    throw new CaselineWriteError('There is no case for this conversation yet: it starts when the first customer message is read.');
  }
  const parsed = parseCaseId(caseId);
  const host = patch.host ?? existing?.host ?? parsed?.host;
  const threadId = patch.threadId ?? existing?.threadId ?? parsed?.threadId;
  if (!host || !threadId) throw new CaselineWriteError(`"${caseId}" is not a case id Caseline knows (expected gmail:… or outlook:…).`);
  const record: CaseRecord = {
    caseId,
    host,
    threadId,
    subject: patch.subject ?? existing?.subject ?? '',
    stage: state.stage,
    agentId: existing?.agentId ?? patch.agentId ?? agentId,
    createdAt: existing?.createdAt ?? state.createdAt ?? now,
    updatedAt: now,
    open: state.stage === 'closed' ? 0 : 1,
  };
  const email = patch.customerEmail ?? existing?.customerEmail;
  if (email) record.customerEmail = email.trim().toLowerCase();
  const name = patch.customerName ?? existing?.customerName;
  if (name) record.customerName = name;
  if (state.category) record.category = state.category;
  if (state.reference) record.reference = state.reference;
  const due = patch.clearNextDueAt ? undefined : (patch.nextDueAt ?? existing?.nextDueAt);
  if (due !== undefined && record.open === 1) record.nextDueAt = due;
  if (state.closedAt) record.closedAt = state.closedAt;
  return record;
}
