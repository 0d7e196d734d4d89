/**
 * Thread keys in the database (shared inbox): which salt keys this install's conversations (the
 * team's, from the team profile, else the install's own), which local case a key stands for, and
 * keying own records again when the team's salt arrives.
 */
import type { IDBPTransaction } from 'idb';
import { threadKeyFor } from '../shared-inbox/thread-key';
import { EMPTY_ROSTER, mergeRoster, type TeamRoster } from '../shared-inbox/team-roster';
import type { TeamProfile } from '../shared-inbox/team-profile';
import type { CaselineDBSchema, CaselineDb, CaselineStoreName } from './schema';

export const TEAM_PROFILE_KEY = 'teamProfile';
/** The salt own shared-inbox records are keyed with now. */
const THREAD_SALT_KEY = 'threadSalt';

type MetaTx = IDBPTransaction<CaselineDBSchema, CaselineStoreName[], 'readonly' | 'readwrite' | 'versionchange'>;

export interface StoredTeamProfile extends TeamProfile {
  fetchedAt: string;
}

export async function getTeamProfile(db: CaselineDb): Promise<StoredTeamProfile | undefined> {
  return (await db.get('meta', TEAM_PROFILE_KEY))?.value as StoredTeamProfile | undefined;
}

/** The salt thread keys are made with, read in a transaction that includes `meta`. */
export async function threadSaltIn(tx: MetaTx): Promise<string> {
  const meta = tx.objectStore('meta');
  const [profile, own] = await Promise.all([meta.get(TEAM_PROFILE_KEY), meta.get('syncSalt')]);
  const team = (profile?.value as StoredTeamProfile | undefined)?.salt;
  if (team) return team;
  if (typeof own?.value === 'string' && own.value !== '') return own.value;
  throw new Error('No salt for thread keys: the database has no sync salt.');
}

export async function threadSalt(db: CaselineDb): Promise<string> {
  const tx = db.transaction('meta');
  return threadSaltIn(tx as unknown as MetaTx);
}

/** The thread key of each case, noting in `threads` the ones not noted yet. */
export async function threadKeysOf(db: CaselineDb, caseIds: readonly string[]): Promise<Map<string, string>> {
  const salt = await threadSalt(db);
  const keys = new Map(caseIds.map((id) => [id, threadKeyFor(id, salt)]));
  // Nearly always all noted already: look first, and write (a read-write transaction queues behind
  // every other writer of the store) only when some are new.
  const read = db.transaction('threads');
  const known = await Promise.all([...keys.values()].map((k) => read.store.getKey(k)));
  const missing = [...keys].filter((_, i) => known[i] === undefined);
  if (missing.length === 0) return keys;
  const tx = db.transaction('threads', 'readwrite');
  await Promise.all([...missing.map(([caseId, thread]) => tx.store.put({ thread, caseId })), tx.done]);
  return keys;
}

/** This install's case of each thread key it knows. */
export async function casesOfThreads(db: CaselineDb, threads: Iterable<string>): Promise<Map<string, string>> {
  const tx = db.transaction('threads');
  const out = new Map<string, string>();
  await Promise.all(
    [...new Set(threads)].map(async (t) => {
      const r = await tx.store.get(t);
      if (r) out.set(t, r.caseId);
    }),
  );
  return out;
}

/** The team as this install knows it: the profile's members and whoever wrote notes or presence. */
export async function teamRoster(db: CaselineDb, more: TeamRoster['members'] = []): Promise<TeamRoster> {
  const profile = await getTeamProfile(db);
  const tx = db.transaction(['notes', 'presence', 'ownership']);
  const [notes, presence, changes] = await Promise.all([tx.objectStore('notes').getAll(), tx.objectStore('presence').getAll(), tx.objectStore('ownership').getAll()]);
  const named = (r: { by: string; name?: string; at: string }) => ({ handle: r.by, ...(r.name ? { name: r.name } : {}), at: r.at });
  // Oldest first, so the latest name given wins.
  const seen = [...presence.map(named), ...notes.map(named), ...changes.map(named)].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)).map(({ at: _at, ...m }) => m);
  return mergeRoster(mergeRoster(EMPTY_ROSTER, profile?.members ?? []), [...seen, ...more]);
}

/**
 * Stores the team profile. When its salt differs from the one own records are keyed with, they
 * are keyed again (one transaction), and records pulled under another salt are dropped.
 * Resolves whether anything was keyed again.
 */
export async function saveTeamProfile(db: CaselineDb, profile: TeamProfile, now: string): Promise<boolean> {
  const tx = db.transaction(['meta', 'ownership', 'notes', 'presence', 'threads'], 'readwrite');
  const meta = tx.objectStore('meta');
  const inUse = (await meta.get(THREAD_SALT_KEY))?.value;
  const own = (await meta.get('syncSalt'))?.value;
  const previous = typeof inUse === 'string' ? inUse : typeof own === 'string' ? own : undefined;
  const writes: Promise<unknown>[] = [meta.put({ key: TEAM_PROFILE_KEY, value: { ...profile, fetchedAt: now } satisfies StoredTeamProfile })];
  const rekey = previous !== profile.salt;
  if (rekey) {
    writes.push(meta.put({ key: THREAD_SALT_KEY, value: profile.salt }));
    const [ownership, notes] = await Promise.all([tx.objectStore('ownership').getAll(), tx.objectStore('notes').getAll()]);
    writes.push(tx.objectStore('threads').clear(), tx.objectStore('presence').clear());
    for (const r of ownership) {
      if (r.origin === 'local' && r.caseId) writes.push(tx.objectStore('ownership').put({ ...r, thread: threadKeyFor(r.caseId, profile.salt) }));
      else writes.push(tx.objectStore('ownership').delete(r.id));
    }
    for (const n of notes) {
      if (n.origin === 'local' && n.caseId) writes.push(tx.objectStore('notes').put({ ...n, thread: threadKeyFor(n.caseId, profile.salt) }));
      else writes.push(tx.objectStore('notes').delete(n.id));
    }
  }
  await Promise.all([...writes, tx.done]);
  return rekey;
}
