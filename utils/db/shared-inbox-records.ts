/**
 * Teammates' shared-inbox records pulled from the team database (ownership changes, notes,
 * presence), and erasing every record kept under some conversations' thread keys ("erase this
 * customer", here or on a teammate's machine). Each is one transaction.
 */
import type { IDBPTransaction } from 'idb';
import type { CaselineDBSchema, CaselineDb, CaselineStoreName, NoteRecord, OwnershipRecord, PresenceRecord } from './schema';

export interface PulledSharedInbox {
  ownership: OwnershipRecord[];
  notes: NoteRecord[];
  presence: PresenceRecord[];
  /** Thread keys named by erasure requests: everything under them goes, and stays gone. */
  erasedThreads: string[];
  /** Documents of the shared inbox deleted on the server (an admin's erasure or clean-up): teammates' copies go. */
  deletedDocs?: string[];
}

export interface StoredSharedInbox {
  /** Records not held before (a resent document is not new). */
  newOwnership: OwnershipRecord[];
  newNotes: NoteRecord[];
  presence: number;
  erased: number;
  /** Teammates' records removed because the server deleted them. */
  deleted: number;
}

const ERASED_KEY = 'erasedThreads';
const SHARED_STORES = ['ownership', 'notes', 'presence', 'threads', 'meta'] as const satisfies readonly CaselineStoreName[];
type SharedTx = IDBPTransaction<CaselineDBSchema, CaselineStoreName[], 'readwrite'>;

/**
 * Stores pulled records. Own records coming back keep their local copy (which knows its case);
 * records under an erased thread key are dropped, now and whenever they arrive later.
 */
export async function putPulledSharedInbox(db: CaselineDb, pulled: PulledSharedInbox): Promise<StoredSharedInbox> {
  const tx = db.transaction([...SHARED_STORES], 'readwrite') as unknown as SharedTx;
  const meta = tx.objectStore('meta');
  const erased = new Set<string>(((await meta.get(ERASED_KEY))?.value as string[] | undefined) ?? []);
  const newlyErased = pulled.erasedThreads.filter((t) => !erased.has(t));
  for (const t of newlyErased) erased.add(t);
  const out: StoredSharedInbox = { newOwnership: [], newNotes: [], presence: 0, erased: 0, deleted: 0 };
  const ownership = tx.objectStore('ownership');
  const notes = tx.objectStore('notes');
  const writes: Promise<unknown>[] = [];
  for (const r of pulled.ownership) {
    if (erased.has(r.thread) || (await ownership.getKey(r.id)) !== undefined) continue;
    writes.push(ownership.put(r));
    out.newOwnership.push(r);
  }
  for (const n of pulled.notes) {
    if (erased.has(n.thread) || (await notes.getKey(n.id)) !== undefined) continue;
    writes.push(notes.put(n));
    out.newNotes.push(n);
  }
  for (const p of pulled.presence) {
    const threads = Object.fromEntries(Object.entries(p.threads).filter(([t]) => !erased.has(t)));
    writes.push(tx.objectStore('presence').put({ ...p, threads }));
    out.presence += 1;
  }
  if (newlyErased.length > 0) {
    writes.push(meta.put({ key: ERASED_KEY, value: [...erased].slice(-10_000) }));
    out.erased = await eraseThreadsIn(tx, newlyErased);
  }
  if (pulled.deletedDocs && pulled.deletedDocs.length > 0) out.deleted = await removeDeletedDocs(tx, pulled.deletedDocs);
  await Promise.all([...writes, tx.done]);
  return out;
}

/**
 * Teammates' records whose documents the server deleted: presence by its id, ownership changes
 * and notes by the document id they were pulled from (a walk of both stores; deletions are rare).
 * This install's own records stay in its own history.
 */
async function removeDeletedDocs(tx: SharedTx, docIds: readonly string[]): Promise<number> {
  const gone = new Set(docIds);
  let removed = 0;
  for (const id of gone) {
    if (id.startsWith('pr:') && (await tx.objectStore('presence').getKey(id)) !== undefined) {
      await tx.objectStore('presence').delete(id);
      removed += 1;
    }
  }
  for (const name of ['ownership', 'notes'] as const) {
    let cursor = await tx.objectStore(name).openCursor();
    while (cursor) {
      const docId = cursor.value.docId;
      if (docId !== undefined && gone.has(docId)) {
        await cursor.delete();
        removed += 1;
      }
      cursor = await cursor.continue();
    }
  }
  return removed;
}

/** Records this install keeps under the customer's conversations, store by store ("erase this customer"). */
export async function eraseOwnershipUnder(tx: SharedTx, threads: readonly string[]): Promise<number> {
  return deleteByThread(tx, 'ownership', threads);
}

export async function eraseNotesUnder(tx: SharedTx, threads: readonly string[]): Promise<number> {
  return deleteByThread(tx, 'notes', threads);
}

async function deleteByThread(tx: SharedTx, name: 'ownership' | 'notes', threads: readonly string[]): Promise<number> {
  let removed = 0;
  for (const thread of new Set(threads)) {
    const keys = await tx.objectStore(name).index('byThread').getAllKeys(thread);
    await Promise.all(keys.map((k) => tx.objectStore(name).delete(k)));
    removed += keys.length;
  }
  return removed;
}

export async function eraseThreadLinks(tx: SharedTx, threads: readonly string[]): Promise<number> {
  let removed = 0;
  for (const thread of new Set(threads)) {
    if ((await tx.objectStore('threads').getKey(thread)) === undefined) continue;
    await tx.objectStore('threads').delete(thread);
    removed += 1;
  }
  return removed;
}

/** Teammates' presence entries on these conversations (the rest of each record stays). */
export async function erasePresenceOn(tx: SharedTx, threads: readonly string[]): Promise<number> {
  const wanted = new Set(threads);
  let removed = 0;
  let cursor = await tx.objectStore('presence').openCursor();
  while (cursor) {
    const p = cursor.value;
    const kept = Object.entries(p.threads).filter(([t]) => !wanted.has(t));
    if (kept.length !== Object.keys(p.threads).length) {
      removed += Object.keys(p.threads).length - kept.length;
      await cursor.update({ ...p, threads: Object.fromEntries(kept) });
    }
    cursor = await cursor.continue();
  }
  return removed;
}

/** Thread keys whose records every later pull drops (erasure requests seen, or made here). */
export async function rememberErasedThreads(tx: SharedTx, threads: readonly string[]): Promise<void> {
  if (threads.length === 0) return;
  const meta = tx.objectStore('meta');
  const erased = new Set<string>(((await meta.get(ERASED_KEY))?.value as string[] | undefined) ?? []);
  for (const t of threads) erased.add(t);
  await meta.put({ key: ERASED_KEY, value: [...erased].slice(-10_000) });
}

/** Removes every ownership change, note and presence entry under these thread keys, and the key→case links. */
export async function eraseThreadsIn(tx: SharedTx, threads: readonly string[]): Promise<number> {
  const removed = (await eraseOwnershipUnder(tx, threads)) + (await eraseNotesUnder(tx, threads));
  await eraseThreadLinks(tx, threads);
  await erasePresenceOn(tx, threads);
  return removed;
}

/** Teammates' presence records as last pulled. */
export async function listPresence(db: CaselineDb): Promise<PresenceRecord[]> {
  return db.getAll('presence');
}

/** Drops presence records older than `before` (epoch ms). */
export async function dropStalePresence(db: CaselineDb, before: number): Promise<number> {
  const tx = db.transaction('presence', 'readwrite');
  let dropped = 0;
  let cursor = await tx.store.openCursor();
  while (cursor) {
    const at = Date.parse(cursor.value.at);
    if (Number.isNaN(at) || at < before) {
      await cursor.delete();
      dropped += 1;
    }
    cursor = await cursor.continue();
  }
  await tx.done;
  return dropped;
}
