/**
 * Push: the outbox goes to the team database through `_bulk_docs`, in batches.
 *
 * - Ids are deterministic (`<prefix>:<user>:<ulid>`, the ULID from the outbox id), so sending a
 *   batch again after a lost answer is harmless: a 409 whose server copy equals ours counts as
 *   sent, and so does one whose server copy was deleted since (erased records stay erased).
 * - A 409 with a different server copy, and a 403 from validate_doc_update, are kept in the
 *   outbox as rejected with the reason (shown by the sync page), never dropped.
 * - 401: log in again once (the caller supplies `relogin`) and resend.
 * - Network errors, 5xx and malformed answers: the entries stay pending and a backoff state
 *   (exponential, full jitter) is stored; the background schedules an alarm at `retryAt`.
 */
import { nextRetryDelay } from './backoff';
import type { CouchClient } from './couch-client';
import { CouchError } from './couch-client';
import { APPEND_ONLY_REASON, docIdFor, parseSyncDoc, splitOutboxId } from './docs';
import type { OutboxEntry, SyncStore } from './types';

export { nextRetryDelay, RETRY_BASE_MS, RETRY_MAX_MS } from './backoff';

export interface PushOptions {
  /** Epoch milliseconds now (default Date.now()). */
  now?: number;
  /** Documents per `_bulk_docs` request (default 500). */
  batchSize?: number;
  /** For the jitter (default Math.random). */
  random?: () => number;
  /** The CouchDB user writing (default: the client's logged-in user). */
  author?: string;
  /**
   * Obtain a new session after a 401 (e.g. `() => client.login(user, password)`). Default: the
   * client's own, when it was given one (CouchClient `relogin`).
   */
  relogin?: () => Promise<unknown>;
  /** Push even if a stored backoff says to wait (a user pressed "sync now"). */
  ignoreBackoff?: boolean;
}

export interface PushResult {
  /** Entries now on the server (including resends found there already). */
  sent: number;
  /** Entries newly rejected (validation, or not valid locally): kept and shown. */
  rejected: number;
  /** Of those rejected, how many because a different document had the same id. */
  conflicts: number;
  /** When to try again (epoch ms) after a transient failure, or while an earlier backoff runs. */
  retryAt?: number;
  /** The error that stopped this run, in words. */
  error?: string;
}

type OutgoingDoc = { _id: string } & Record<string, unknown>;

/**
 * The server document for an outbox entry, or why it cannot be built. The record is bound to
 * the user writing it: `author` and `agentId` are that user's name and the id is
 * `<prefix>:<user>:<ulid>` (the ULID of the outbox id), so a resend by the same user hits the
 * same document.
 */
export function outboxEntryToDoc(entry: OutboxEntry, author: string): { ok: true; doc: OutgoingDoc } | { ok: false; reason: string } {
  const parts = splitOutboxId(entry.id);
  if (!parts) return { ok: false, reason: `outbox id ${entry.id} is not "<agentId>:<ulid>"` };
  const doc: OutgoingDoc = {
    _id: docIdFor(entry.kind, author, parts.ulid),
    type: entry.kind,
    author,
    agentId: author,
    createdAt: entry.createdAt,
    [entry.kind]: entry.doc,
  };
  const parsed = parseSyncDoc(doc);
  return parsed.ok ? { ok: true, doc } : { ok: false, reason: `not sent, invalid: ${parsed.reason}` };
}

/** Same content, ignoring CouchDB's own fields (`_rev`, `_revisions`, …). */
export function sameDocument(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return canonical(stripMeta(a)) === canonical(stripMeta(b));
}

function stripMeta(doc: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) if (!k.startsWith('_') || k === '_id') out[k] = v;
  return out;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export async function pushOutbox(store: SyncStore, client: CouchClient, opts: PushOptions = {}): Promise<PushResult> {
  const now = opts.now ?? Date.now();
  const batchSize = Math.max(1, opts.batchSize ?? 500);
  const random = opts.random ?? Math.random;
  const result: PushResult = { sent: 0, rejected: 0, conflicts: 0 };

  const backoff = await store.getBackoff();
  if (backoff && backoff.retryAt > now && !opts.ignoreBackoff) {
    return { ...result, retryAt: backoff.retryAt, error: `waiting after: ${backoff.lastError}` };
  }

  let reloggedIn = false;
  const relogin = opts.relogin ?? (client.canRenewSession ? () => client.renewSession() : undefined);
  const transientFailure = async (ids: readonly string[], err: unknown): Promise<PushResult> => {
    const message = describe(err);
    await store.bumpAttempts(ids, message);
    const attempt = (backoff?.attempt ?? 0) + 1;
    const retryAt = now + nextRetryDelay(attempt - 1, random);
    await store.putBackoff({ attempt, retryAt, lastError: message });
    return { ...result, retryAt, error: message };
  };

  for (;;) {
    const pending = await store.listPending(batchSize);
    if (pending.length === 0) break;

    const author = opts.author ?? client.userName;
    if (!author) return { ...result, error: 'not logged in' };

    const docs: OutgoingDoc[] = [];
    const entryByDocId = new Map<string, OutboxEntry>();
    for (const entry of pending) {
      const built = outboxEntryToDoc(entry, author);
      if (!built.ok) {
        await store.markRejected(entry.id, built.reason);
        result.rejected += 1;
        continue;
      }
      docs.push(built.doc);
      entryByDocId.set(built.doc._id, entry);
    }
    if (docs.length === 0) continue;
    const ids = docs.map((d) => entryByDocId.get(d._id)!.id);

    let answers;
    try {
      answers = await client.bulkDocs(docs);
    } catch (err) {
      if (err instanceof CouchError && err.kind === 'session_expired' && relogin && !reloggedIn) {
        reloggedIn = true;
        try {
          await relogin();
        } catch (loginErr) {
          return transientFailure(ids, loginErr);
        }
        continue; // resend the same batch: it is still pending
      }
      return transientFailure(ids, err);
    }

    const sent: string[] = [];
    const conflicted: OutgoingDoc[] = [];
    const retryLater: string[] = [];
    let retryReason = '';
    let sessionLost = false;
    for (const [i, answer] of answers.entries()) {
      const doc = docs[i]!;
      const entry = entryByDocId.get(doc._id)!;
      if (answer.ok) sent.push(entry.id);
      else if (answer.error === 'conflict' || (answer.error === 'forbidden' && answer.reason.startsWith(APPEND_ONLY_REASON))) {
        conflicted.push(doc);
      } else if (answer.error === 'forbidden') {
        await store.markRejected(entry.id, `refused by the server: ${answer.reason}`);
        result.rejected += 1;
      } else {
        // 'unauthorized' from validation means the session is gone (or the user lost their
        // role): the record is fine, keep it. Anything else unknown: keep it and retry later.
        if (answer.error === 'unauthorized') sessionLost = true;
        retryLater.push(entry.id);
        retryReason = `${answer.error}: ${answer.reason}`;
      }
    }

    if (conflicted.length > 0) {
      let rows;
      try {
        rows = (await client.allDocs({ keys: conflicted.map((d) => d._id), includeDocs: true })).rows;
      } catch (err) {
        await store.markSent(sent);
        result.sent += sent.length;
        return transientFailure(conflicted.map((d) => entryByDocId.get(d._id)!.id), err);
      }
      const serverCopy = new Map(rows.filter((r) => r.doc).map((r) => [r.key, r.doc!]));
      // Deleted on the server (an admin's maintenance or an erasure): it stays deleted, and the
      // record has nothing more to do here.
      const deleted = new Set(rows.filter((r) => r.value?.deleted).map((r) => r.key));
      for (const doc of conflicted) {
        const entry = entryByDocId.get(doc._id)!;
        const theirs = serverCopy.get(doc._id);
        if ((theirs && sameDocument(theirs, doc)) || deleted.has(doc._id)) sent.push(entry.id);
        else {
          await store.markRejected(entry.id, `conflict: the server holds a different document with id ${doc._id}`);
          result.rejected += 1;
          result.conflicts += 1;
        }
      }
    }

    await store.markSent(sent);
    result.sent += sent.length;
    if (sessionLost && relogin && !reloggedIn) {
      reloggedIn = true;
      try {
        await relogin();
      } catch (loginErr) {
        return transientFailure(retryLater, loginErr);
      }
      continue;
    }
    if (retryLater.length > 0) return transientFailure(retryLater, new Error(retryReason));
  }

  if (backoff) await store.putBackoff(undefined);
  return result;
}
