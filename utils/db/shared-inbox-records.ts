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
}

export interface StoredSharedInbox {
  /** Records not held before (a resent document is not new). */
  newOwnership: OwnershipRecord[];
  newNotes: NoteRecord[];
  presence: number;
  erased: number;
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
  const out: StoredSharedInbox = { newOwnership: [], newNotes: [], presence: 0, erased: 0 };
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
  await Promise.all([...writes, tx.done]);
  return out;
}

/** Removes every ownership change, note and presence entry under these thread keys, and the key→case links. */
export async function eraseThreadsIn(tx: SharedTx, threads: readonly string[]): Promise<number> {
  let removed = 0;
  const wanted = new Set(threads);
  for (const thread of wanted) {
    const [changeKeys, noteKeys] = await Promise.all([
      tx.objectStore('ownership').index('byThread').getAllKeys(thread),
      tx.objectStore('notes').index('byThread').getAllKeys(thread),
    ]);
    removed += changeKeys.length + noteKeys.length;
    await Promise.all([
      ...changeKeys.map((k) => tx.objectStore('ownership').delete(k)),
      ...noteKeys.map((k) => tx.objectStore('notes').delete(k)),
      tx.objectStore('threads').delete(thread),
    ]);
  }
  let cursor = await tx.objectStore('presence').openCursor();
  while (cursor) {
    const p = cursor.value;
    if (Object.keys(p.threads).some((t) => wanted.has(t))) {
      await cursor.update({ ...p, threads: Object.fromEntries(Object.entries(p.threads).filter(([t]) => !wanted.has(t))) });
    }
    cursor = await cursor.continue();
  }
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
