/**
 * Internal notes in the database (shared inbox): an agent's own note is stored and, when the
 * team is connected, queued for the team in the same transaction; teammates' notes arrive from
 * the team database. Notes never enter the case's event log or a reply.
 */
import type { TeamNote } from '../shared-inbox/team-notes';
import { noteSyncDoc } from '../privacy/shared-inbox-docs';
import { outboxItem } from './case-store';
import { beginTransaction, inOneTransaction } from './errors';
import type { WriteTx } from './case-store';
import type { CaselineDb, NoteRecord } from './schema';

export async function addNote(db: CaselineDb, note: TeamNote, opts: { caseId: string; agentId: string; shareWithTeam: boolean }): Promise<NoteRecord> {
  const record: NoteRecord = { ...note, caseId: opts.caseId, origin: 'local' };
  const tx = beginTransaction(() => db.transaction(['notes', 'outbox', 'threads'], 'readwrite') as unknown as WriteTx);
  await inOneTransaction(tx, async () => {
    const writes: Promise<unknown>[] = [tx.objectStore('notes').add(record), tx.objectStore('threads').put({ thread: note.thread, caseId: opts.caseId })];
    if (opts.shareWithTeam) writes.push(tx.objectStore('outbox').add(outboxItem(opts.agentId, noteSyncDoc(note), note.at, opts.caseId)));
    for (const p of writes) p.catch(() => undefined);
    await Promise.all(writes);
  });
  return record;
}

/** A conversation's notes, oldest first. */
export async function notesOfThread(db: CaselineDb, thread: string): Promise<NoteRecord[]> {
  const notes = await db.getAllFromIndex('notes', 'byThread', thread);
  return notes.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
}

/** Notes that mention `handle` (not their own), newest first. */
export async function notesMentioning(db: CaselineDb, handle: string, limit = 100): Promise<NoteRecord[]> {
  const notes = (await db.getAllFromIndex('notes', 'byMention', handle)).filter((n) => n.by !== handle);
  return notes.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, limit);
}

/** Marks mentions as seen (the agent opened the list or the conversation). */
export async function markNotesSeen(db: CaselineDb, ids: readonly string[]): Promise<void> {
  const tx = db.transaction('notes', 'readwrite');
  await Promise.all([
    ...ids.map(async (id) => {
      const n = await tx.store.get(id);
      if (n && n.seen !== 1) await tx.store.put({ ...n, seen: 1 });
    }),
    tx.done,
  ]);
}

export async function allNotes(db: CaselineDb): Promise<NoteRecord[]> {
  return db.getAllFromIndex('notes', 'byAt');
}
