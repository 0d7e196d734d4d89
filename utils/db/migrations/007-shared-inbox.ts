/**
 * v7 (shared inbox, issue 18): the stores of owners, internal notes and presence.
 * - `ownership`: ownership changes of conversations (own and teammates'), by thread key and by case;
 * - `notes`: internal notes, by thread key, by case, by mentioned teammate (multi-entry) and by time;
 * - `presence`: teammates' presence records as last pulled (short-lived);
 * - `threads`: thread key → this install's case (derived).
 * Nothing existing changes, so the migration depends on no other: it runs after whatever the
 * database holds (the team-sync branch's 006 included) and may be renumbered at merge time.
 */
import type { CaselineDb, UpgradeTransaction } from '../schema';

export function migrate007SharedInbox(db: CaselineDb, _tx: UpgradeTransaction, _oldVersion: number): void {
  const ownership = db.createObjectStore('ownership', { keyPath: 'id' });
  ownership.createIndex('byThread', 'thread');
  ownership.createIndex('byCase', 'caseId');
  const notes = db.createObjectStore('notes', { keyPath: 'id' });
  notes.createIndex('byThread', 'thread');
  notes.createIndex('byCase', 'caseId');
  notes.createIndex('byMention', 'mentions', { multiEntry: true });
  notes.createIndex('byAt', 'at');
  db.createObjectStore('presence', { keyPath: 'id' });
  const threads = db.createObjectStore('threads', { keyPath: 'thread' });
  threads.createIndex('byCase', 'caseId');
}
