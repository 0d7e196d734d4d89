/**
 * The deadlines a notification has already announced, `<case id>@<due time>` (the last 500), in
 * the database's meta store: only the background reads it (storage.local would show every case
 * id to the content scripts), and erasure removes it with the cases it names.
 */
import type { WriteTx } from './case-store';
import type { CaselineDb } from './schema';

export const NOTIFIED_KEY = 'notifiedDeadlines';
const KEEP = 500;

export async function readNotified(db: CaselineDb): Promise<string[]> {
  const value = (await db.get('meta', NOTIFIED_KEY))?.value;
  return Array.isArray(value) ? value.filter((e): e is string => typeof e === 'string') : [];
}

export async function writeNotified(db: CaselineDb, entries: readonly string[]): Promise<void> {
  await db.put('meta', { key: NOTIFIED_KEY, value: entries.slice(-KEEP) });
}

/** Whether an entry (`<case id>@<due time>`, or a notification id of that form) is about one of `caseIds`. */
export function entryIsAbout(entry: string, caseIds: ReadonlySet<string>): boolean {
  const at = entry.lastIndexOf('@');
  return caseIds.has(at < 0 ? entry : entry.slice(0, at));
}

/** Erasure: drops the entries about these cases, inside the erasure's transaction. Returns how many went. */
export async function forgetNotified(tx: WriteTx, caseIds: readonly string[]): Promise<number> {
  const meta = tx.objectStore('meta');
  const value = (await meta.get(NOTIFIED_KEY))?.value;
  if (!Array.isArray(value)) return 0;
  const ids = new Set(caseIds);
  const kept = value.filter((e) => typeof e === 'string' && !entryIsAbout(e, ids));
  if (kept.length !== value.length) await meta.put({ key: NOTIFIED_KEY, value: kept });
  return value.length - kept.length;
}
