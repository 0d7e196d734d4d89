/**
 * The team sync use cases, without extension APIs (the background binds them to alarms, ports
 * and session storage: utils/extension/sync-service.ts; tests run them on fake-indexeddb against
 * the test server):
 * - one run: push the outbox, then pull what the role takes, store it (deletions removed), and
 *   for a lead evaluate the pulled cases' SLA states so the dashboard opens from its pack;
 * - the live feed: the same storing for every longpoll answer.
 * The client signs in again by itself on any 401 (teamClient), so a background that stays up
 * for days keeps pulling after its session ends.
 */
import type { CaselineDb } from '../db/schema';
import type { CaselineSettings, SyncSettings } from '../settings/settings';
import { CouchClient, type FetchLike } from '../sync/couch-client';
import { LiveFeed, type LiveState } from '../sync/live-feed';
import { pullChanges, type PullResult, type TakenPage } from '../sync/pull';
import { pushOutbox, type PushResult } from '../sync/push';
import type { SyncDoc } from '../cases/team-docs';
import { IdbSyncStore } from './idb-sync-store';
import { applyTeamBatch, type TeamBatchResult } from './team-records';

/**
 * A client for the team server that signs in again (once per 401, shared by concurrent requests)
 * with the password `password()` gives, if any.
 */
export function teamClient(sync: Pick<SyncSettings, 'url' | 'db' | 'user'>, fetch: FetchLike, password: () => Promise<string | undefined>, timeoutMs?: number): CouchClient {
  return new CouchClient({
    url: sync.url,
    db: sync.db,
    fetch,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    relogin: async (client) => {
      const secret = await password();
      if (!secret) throw new Error('The team server session expired: sign in again in Options → Sync.');
      await client.login(sync.user, secret);
    },
  });
}

/** Where the pull of a role from a server and database got to. */
export function teamCheckpointKey(s: CaselineSettings): string {
  return `changes:${s.role}:${s.sync.url}/${s.sync.db}`;
}

/** What storing pulled changes did, over a run or a live answer. */
export interface TeamChanges {
  stored: number;
  removed: number;
  keptFirst: string[];
  publicationsChanged: boolean;
}

function addBatch(into: TeamChanges, r: TeamBatchResult): void {
  into.stored += r.stored;
  into.removed += r.removed;
  into.keptFirst.push(...r.keptFirst);
  into.publicationsChanged ||= r.publicationsChanged;
}

/**
 * Documents of a batch that are not the team's case records (the shared inbox's owners, notes
 * and presence): `take` stores its own and returns the rest; it sees the batch's deletions too.
 * `beforePull` runs before each run's pull (the shared inbox reads the team profile: pulled
 * records are keyed with its salt).
 */
export interface PulledDocsHook {
  take(docs: SyncDoc[], deletedIds: string[]): Promise<SyncDoc[]>;
  beforePull?(client: CouchClient): Promise<void>;
}

/**
 * Stores a pulled batch (with the digests the dashboard reads; the dashboard page evaluates the
 * changed cases' SLA states when it next computes the team's figures).
 */
async function storeBatch(db: CaselineDb, docs: SyncDoc[], deletedIds: string[], hook?: PulledDocsHook): Promise<TeamBatchResult> {
  return applyTeamBatch(db, hook ? await hook.take(docs, deletedIds) : docs, deletedIds);
}

export interface TeamSyncOutcome {
  pushed: PushResult;
  pulled?: PullResult;
  changes: TeamChanges;
  /** Why the run stopped early, in words. */
  error?: string;
}

/** One run: push, then (if the push went through) pull. Errors are answers, not throws. */
export async function syncWithTeam(db: CaselineDb, s: CaselineSettings, client: CouchClient, opts: { ignoreBackoff?: boolean; now?: number; random?: () => number; sharedInbox?: PulledDocsHook } = {}): Promise<TeamSyncOutcome> {
  const store = new IdbSyncStore(db);
  const changes: TeamChanges = { stored: 0, removed: 0, keptFirst: [], publicationsChanged: false };
  const pushed = await pushOutbox(store, client, {
    author: s.sync.user,
    ...(opts.ignoreBackoff ? { ignoreBackoff: true } : {}),
    ...(opts.now !== undefined ? { now: opts.now } : {}),
    ...(opts.random ? { random: opts.random } : {}),
  });
  if (pushed.error) return { pushed, changes, error: pushed.error };
  try {
    await opts.sharedInbox?.beforePull?.(client).catch(() => undefined);
    const pulled = await pullChanges(store, client, {
      role: s.role,
      checkpointKey: teamCheckpointKey(s),
      apply: async (docs, deletedIds) => addBatch(changes, await storeBatch(db, docs, deletedIds, opts.sharedInbox)),
    });
    return { pushed, pulled, changes };
  } catch (error) {
    return { pushed, changes, error: error instanceof Error ? error.message : String(error) };
  }
}

/** A live feed of the team database for this install, storing as a run does. */
export function teamLiveFeed(
  db: CaselineDb,
  s: CaselineSettings,
  client: CouchClient,
  handlers: { onChanges?: (changes: TeamChanges, taken: TakenPage) => void | Promise<void>; onState?: (state: LiveState) => void; sharedInbox?: PulledDocsHook },
  tuning: { waitMs?: number; heartbeatMs?: number; random?: () => number } = {},
): LiveFeed {
  let last: TeamBatchResult | undefined;
  return new LiveFeed({
    client,
    store: new IdbSyncStore(db),
    role: s.role,
    checkpointKey: teamCheckpointKey(s),
    apply: async (docs, deletedIds) => (last = await storeBatch(db, docs, deletedIds, handlers.sharedInbox)),
    onBatch: async (taken) => {
      const changes: TeamChanges = { stored: 0, removed: 0, keptFirst: [], publicationsChanged: false };
      if (last) addBatch(changes, last);
      last = undefined;
      await handlers.onChanges?.(changes, taken);
    },
    ...(handlers.onState ? { onState: handlers.onState } : {}),
    ...tuning,
  });
}
