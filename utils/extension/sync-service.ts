/**
 * Optional team sync, run by the background: the password is exchanged for a `_session` cookie
 * here and kept only in memory-backed session storage (never in page or content-script
 * storage, never on disk), so that the client can sign in again by itself on any 401; the
 * outbox is pushed, the team's records pulled, and retries after failures are driven by alarms
 * so nothing depends on the worker staying alive.
 *
 * Live: while an extension page (the dashboard, the options) or a visible mailbox tab holds the
 * live port open and sends its keep-alive, the worker stays up and follows the server's
 * `_changes` longpoll feed (utils/sync/live-feed.ts); every change stored is told to the pages
 * (the lead's dashboard redraws) and, when the team's library or settings changed, to the
 * mailbox tabs (their case views are sent again). Without any port, a periodic alarm pulls once
 * a minute. See docs/sync.md, "Live".
 */
import { browser } from 'wxt/browser';
import type { Runtime } from 'webextension-polyfill';
import type { CaselineDb } from '../db/schema';
import { countOutbox } from '../db/outbox';
import { saveAppSettings } from '../desk/app-settings';
import { ErasureOutbox, IdbSyncStore } from '../desk/idb-sync-store';
import { LIVE_PORT, LivePortMessageSchema, senderAllowed, type LiveNotice, type LiveStatus, type Reply, type SyncStatus } from '../messages';
import type { DashboardBasis } from '../metrics/dashboard-view';
import { LATEST_VERSION } from '../db/migrations';
import { myHandle } from '../desk/shared-inbox-desk';
import type { CaselineSettings } from '../settings/settings';
import type { CouchClient } from '../sync/couch-client';
import type { LiveFeed, LiveState } from '../sync/live-feed';
import { pushOutbox } from '../sync/push';
import { checkServerUrl, hostPermissionPattern } from '../sync/server-url';
import { effectivePolicy } from '../desk/effective-policy';
import { syncWithTeam, teamClient, teamLiveFeed, type PulledDocsHook, type TeamChanges } from '../desk/team-sync';
import { publishSettings, publishTemplate, settingsInForce, teamSettingsFor, teamView, withdrawTemplate, type TeamView } from '../desk/team-publications';
import { STORAGE_KEYS } from './storage-keys';
import * as v from 'valibot';

export const SYNC_ALARM = 'caseline-sync';
/** A pull once a minute while sync is on, for whoever has no page open to keep the feed live. */
export const SYNC_POLL_ALARM = 'caseline-sync-poll';
const SECRET_KEY = STORAGE_KEYS.syncSecret.key;
/** Signing out while erasing must not hold the erasure up for long when the server is away. */
const SIGN_OUT_TIMEOUT_MS = 5_000;
const STATUS_KEY = 'syncStatus';
/** A local change is pushed this soon (the worker is awake: it is handling the change). */
const PUSH_DEBOUNCE_MS = 300;
/** Ports closed and reopened within this long (a page reload) keep the feed running. */
const FEED_GRACE_MS = 2_000;

interface Deps {
  db: () => Promise<CaselineDb>;
  /** The install's own settings (sync configuration, role, agent). */
  settings: () => Promise<CaselineSettings>;
  /** Called after settings change here, so the background drops its cached copy. */
  onSettingsChanged?: (s: CaselineSettings) => void;
  /** The team's library or settings changed: the background re-reads them and refreshes the mailbox tabs. */
  onPublicationsChanged?: () => void;
  newId: () => string;
  /**
   * The shared inbox (utils/extension/shared-inbox-service.ts): before each pull it reads the team
   * profile with the signed-in client; it takes its own documents (owners, notes, presence) out
   * of every pulled batch, a run's or the live feed's, and returns the rest for the team's records.
   */
  sharedInbox?: PulledDocsHook;
}

interface RunInfo {
  lastPushAt?: string;
  lastPullAt?: string;
  lastError?: string;
  serverRoles?: string[];
  refusedDocs?: Array<{ id: string; reason: string }>;
}

function liveStatus(state: LiveState | undefined): LiveStatus {
  if (!state || state.status === 'stopped') return { state: 'off' };
  if (state.status === 'retrying') return { state: 'retrying', retryAt: new Date(state.retryAt).toISOString(), error: state.error, attempt: state.attempt };
  return { state: state.status };
}

const fetchWithCookies = (u: string, init?: RequestInit) => fetch(u, { ...init, credentials: 'include' });

export class SyncService {
  private client: CouchClient | undefined;
  private running: Promise<void> | undefined;
  private feed: LiveFeed | undefined;
  private feedState: LiveState | undefined;
  private readonly ports = new Set<Runtime.Port>();
  private stopTimer: ReturnType<typeof setTimeout> | undefined;
  private pushTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly deps: Deps) {}

  async connect(input: { url: string; db: string; user: string; password: string }): Promise<Reply<SyncStatus>> {
    const checked = checkServerUrl(input.url);
    if (!checked.ok) return { ok: false, error: checked.reason, fields: [{ field: 'sync.url', message: checked.reason }] };
    // The pattern the options page asks for: match patterns leave the port out (any port).
    const granted = await browser.permissions.contains({ origins: [hostPermissionPattern(checked.url)] }).catch(() => false);
    if (!granted) return { ok: false, error: `Caseline needs your permission to reach ${checked.origin}: press Connect again and allow it.` };
    await browser.storage.session.set({ [SECRET_KEY]: input.password }).catch(() => undefined);
    const client = teamClient({ url: checked.url, db: input.db, user: input.user }, fetchWithCookies, () => this.secret());
    try {
      await client.login(input.user, input.password);
    } catch (error) {
      await browser.storage.session.remove(SECRET_KEY).catch(() => undefined);
      return { ok: false, error: `Could not sign in to the team server: ${error instanceof Error ? error.message : String(error)}` };
    }
    const current = await this.deps.settings();
    const saved = await saveAppSettings(await this.deps.db(), { ...current, sync: { enabled: true, url: checked.url, db: input.db, user: input.user } });
    if (!saved.ok) return { ok: false, error: 'The sync settings were not saved.', fields: saved.errors };
    this.deps.onSettingsChanged?.(saved.value);
    await this.stopFeed();
    this.client = client;
    await this.remember({ serverRoles: [...client.roles] });
    await browser.alarms.create(SYNC_POLL_ALARM, { periodInMinutes: 1 });
    await this.run(true);
    this.ensureFeed();
    return { ok: true, value: await this.status() };
  }

  async disconnect(): Promise<Reply<SyncStatus>> {
    const current = await this.deps.settings();
    const saved = await saveAppSettings(await this.deps.db(), { ...current, sync: { ...current.sync, enabled: false } });
    if (saved.ok) this.deps.onSettingsChanged?.(saved.value);
    await this.stopFeed();
    await this.client?.logout().catch(() => undefined);
    this.client = undefined;
    await browser.storage.session.remove(SECRET_KEY).catch(() => undefined);
    await browser.alarms.clear(SYNC_ALARM);
    await browser.alarms.clear(SYNC_POLL_ALARM);
    this.deps.onPublicationsChanged?.();
    return { ok: true, value: await this.status() };
  }

  /**
   * "Erase everything" and the team server: queued customer erasure requests are sent first
   * (a promise made to a customer must not be wiped with the browser's copy); if any cannot be
   * sent, nothing is done and the sentence says why. Then the session is ended on the server
   * (DELETE /_session, which also expires the cookie), the password and the server's host
   * permission are dropped, and no retry is left. The team's database keeps what it already
   * holds: it is the team's record, under the lead.
   */
  async forgetConnection(): Promise<{ ok: true } | { ok: false; error: string }> {
    const s = await this.deps.settings();
    const db = await this.deps.db();
    if (s.sync.enabled && s.sync.url) {
      const erasures = new ErasureOutbox(db);
      if ((await erasures.listPending(1)).length > 0) {
        await this.pushErasures(erasures).catch(() => undefined);
        const left = (await erasures.listPending(2 ** 32 - 1)).length;
        if (left > 0) {
          return {
            ok: false,
            error: `Nothing was erased: ${left} customer erasure request${left === 1 ? ' has' : 's have'} not reached the team server yet. Try again when the server can be reached, or disconnect team sync first to erase anyway (the team’s copy of ${left === 1 ? 'that customer' : 'those customers'} then stays until your lead removes it).`,
          };
        }
      }
    }
    await this.stopFeed();
    if (s.sync.url) {
      const client = this.client ?? teamClient(s.sync, fetchWithCookies, () => this.secret(), SIGN_OUT_TIMEOUT_MS);
      await client.logout().catch(() => undefined);
      await browser.permissions.remove({ origins: [hostPermissionPattern(s.sync.url)] }).catch(() => undefined);
    }
    this.client = undefined;
    await browser.storage.session.remove(SECRET_KEY).catch(() => undefined);
    await browser.alarms.clear(SYNC_ALARM).catch(() => undefined);
    await browser.alarms.clear(SYNC_POLL_ALARM).catch(() => undefined);
    return { ok: true };
  }

  private async pushErasures(store: ErasureOutbox): Promise<void> {
    const s = await this.deps.settings();
    await pushOutbox(store, this.clientFor(s), { author: s.sync.user, ignoreBackoff: true });
  }

  async status(): Promise<SyncStatus> {
    const s = await this.deps.settings();
    const db = await this.deps.db();
    const store = new IdbSyncStore(db);
    const info = await this.info(db);
    const backoff = await store.getBackoff();
    const rejected = await store.listRejected();
    return {
      configured: s.sync.url !== '',
      enabled: s.sync.enabled,
      ...(s.sync.url ? { url: s.sync.url, db: s.sync.db, user: s.sync.user } : {}),
      pending: await countOutbox(db, 'pending'),
      rejected: rejected.map((r) => ({ id: r.id, reason: r.lastError ?? 'refused by the server' })),
      ...(info.lastPushAt ? { lastPushAt: info.lastPushAt } : {}),
      ...(info.lastPullAt ? { lastPullAt: info.lastPullAt } : {}),
      ...(backoff ? { nextRetryAt: new Date(backoff.retryAt).toISOString(), lastError: backoff.lastError } : info.lastError ? { lastError: info.lastError } : {}),
      ...(info.serverRoles ? { serverRoles: info.serverRoles } : {}),
      live: liveStatus(this.feedState),
      refusedDocs: info.refusedDocs ?? [],
    };
  }

  async runNow(): Promise<Reply<SyncStatus>> {
    const s = await this.deps.settings();
    if (!s.sync.enabled) return { ok: false, error: 'Team sync is off. Connect a server first.' };
    await this.run(true);
    return { ok: true, value: await this.status() };
  }

  /** Settings changed elsewhere (options page): the next run connects with the new ones. */
  reset(): void {
    this.client = undefined;
    void this.stopFeed().then(() => this.ensureFeed());
  }

  /** A signed-in client for the team server (shared inbox: presence, team profile); undefined when sync is off or sign-in fails. */
  async signedInClient(): Promise<CouchClient | undefined> {
    const s = await this.deps.settings();
    if (!s.sync.enabled) return undefined;
    const client = this.clientFor(s);
    if (!client.userName) await client.session().catch(() => undefined);
    // No session yet: the client's own relogin (teamClient) signs in with the stored password.
    if (!client.userName) await client.renewSession().catch(() => undefined);
    return client.userName ? client : undefined;
  }

  /** Whether the live feed follows the server now (presence then arrives through it, not by polling). */
  isLive(): boolean {
    return this.feedState?.status === 'live';
  }

  /** After a local change: push soon, and by alarm too (a worker stopped before then still does it). */
  async kick(): Promise<void> {
    const s = await this.deps.settings();
    if (!s.sync.enabled) return;
    await browser.alarms.create(SYNC_ALARM, { delayInMinutes: 0.5 });
    if (this.pushTimer) clearTimeout(this.pushTimer);
    this.pushTimer = setTimeout(() => {
      this.pushTimer = undefined;
      void this.run(false);
    }, PUSH_DEBOUNCE_MS);
  }

  async onAlarm(name: string): Promise<void> {
    if (name === SYNC_ALARM || name === SYNC_POLL_ALARM) await this.run(false);
  }

  /** The worker started (browser start, or woken by an event): keep the poll alarm if sync is on. */
  async onStartup(): Promise<void> {
    const s = await this.deps.settings();
    if (s.sync.enabled && !(await browser.alarms.get(SYNC_POLL_ALARM))) await browser.alarms.create(SYNC_POLL_ALARM, { periodInMinutes: 1 });
  }

  /**
   * Whether this install may see a source's figures: its own records always; the team's synced
   * ones only with sync on, and only a lead. The words say what to do otherwise.
   */
  private dashboardRefusal(source: 'local' | 'team', settings: CaselineSettings): { ok: false; error: string } | undefined {
    if (source === 'local') return undefined;
    if (!settings.sync.enabled) return { ok: false, error: 'Team sync is off: connect the team server in Options → Sync to see everyone’s records.' };
    if (settings.role !== 'lead') return { ok: false, error: 'Only team leads pull everyone’s records. Set your role to lead in Options.' };
    return undefined;
  }

  /**
   * What the dashboard page measures a source's records by (it computes the figures itself, from
   * the database it reads: utils/desk/dashboard-view.ts). The team's records are measured by the
   * team's published settings, as its agents work by them; this browser's by the settings it works by.
   */
  async dashboardBasis(source: 'local' | 'team'): Promise<Reply<DashboardBasis>> {
    const s = await this.deps.settings();
    const refused = this.dashboardRefusal(source, s);
    if (refused) return refused;
    const db = await this.deps.db();
    const names = s.agent.name ? { [s.agent.id]: s.agent.name } : {};
    const measuredBy = source === 'team' ? await teamSettingsFor(db, s) : await settingsInForce(db, s);
    const me = { handle: myHandle(s), name: s.agent.name, role: s.role };
    return { ok: true, value: { policy: effectivePolicy(measuredBy, new Date()), names, me, schemaVersion: LATEST_VERSION } };
  }

  // ── the team's library and settings ──

  async teamView(): Promise<Reply<TeamView>> {
    const db = await this.deps.db();
    return { ok: true, value: await teamView(db, await this.deps.settings(), (await this.info(db)).serverRoles) };
  }

  async publishTemplate(id: string): Promise<Reply<TeamView>> {
    return this.publish((db, s, ctx) => publishTemplate(db, s, id, ctx));
  }

  async withdrawTemplate(id: string): Promise<Reply<TeamView>> {
    return this.publish((db, s, ctx) => withdrawTemplate(db, s, id, ctx));
  }

  async publishSettings(): Promise<Reply<TeamView>> {
    return this.publish((db, s, ctx) => publishSettings(db, s, ctx));
  }

  private async publish(
    act: (db: CaselineDb, s: CaselineSettings, ctx: { agentId: string; now: string }) => Promise<{ ok: true } | { ok: false; error: string }>,
  ): Promise<Reply<TeamView>> {
    const s = await this.deps.settings();
    const db = await this.deps.db();
    const view = await teamView(db, s, (await this.info(db)).serverRoles);
    if (!view.canPublish) {
      return { ok: false, error: s.sync.enabled ? 'Only a team lead publishes to the team: the team server says this account is not a lead.' : 'Connect the team server first (Options → Sync).' };
    }
    const done = await act(db, s, { agentId: s.agent.id, now: new Date().toISOString() });
    if (!done.ok) return done;
    // Published at once while the page waits, so agents following live have it within seconds.
    await this.run(true);
    return this.teamView();
  }

  // ── live ──

  /** A page or mailbox tab opened the live port: follow the server while it stays. */
  attach(port: Runtime.Port): void {
    if (port.name !== LIVE_PORT) return;
    const sender = port.sender;
    const url = sender?.tab?.url ?? sender?.url;
    const ownOrigin = browser.runtime.getURL('/');
    const facts = { extensionId: sender?.id, url, fromTab: !!sender?.tab && !!url && !url.startsWith(ownOrigin) };
    if (!senderAllowed('any', facts, browser.runtime.id, ownOrigin)) {
      port.disconnect();
      return;
    }
    this.ports.add(port);
    port.onMessage.addListener((message: unknown) => {
      // A keep-alive: receiving it is what keeps the worker up; anything else is refused.
      if (!v.is(LivePortMessageSchema, message)) port.disconnect();
    });
    port.onDisconnect.addListener(() => {
      this.ports.delete(port);
      if (this.ports.size === 0) this.scheduleStop();
    });
    if (this.stopTimer) clearTimeout(this.stopTimer);
    this.stopTimer = undefined;
    this.post(port, { type: 'live', live: liveStatus(this.feedState) });
    void this.deps.settings().then((s) => {
      if (!s.sync.enabled) this.post(port, { type: 'syncOff' });
    });
    this.ensureFeed();
  }

  private post(port: Runtime.Port, notice: LiveNotice): void {
    try {
      port.postMessage(notice);
    } catch {
      this.ports.delete(port);
    }
  }

  /** Tells every open page and tab on the live port that data was erased. */
  tellErased(): void {
    this.broadcast({ type: 'erased' });
  }

  private broadcast(notice: LiveNotice): void {
    for (const port of [...this.ports]) this.post(port, notice);
  }

  private scheduleStop(): void {
    if (this.stopTimer) clearTimeout(this.stopTimer);
    this.stopTimer = setTimeout(() => {
      this.stopTimer = undefined;
      if (this.ports.size === 0) void this.stopFeed();
    }, FEED_GRACE_MS);
  }

  private ensureFeed(): void {
    if (this.feed || this.ports.size === 0) return;
    void (async () => {
      const s = await this.deps.settings();
      if (!s.sync.enabled || this.feed || this.ports.size === 0) return;
      const db = await this.deps.db();
      const feed = teamLiveFeed(db, s, this.clientFor(s), {
        ...(this.deps.sharedInbox ? { sharedInbox: this.deps.sharedInbox } : {}),
        onChanges: (changes) => this.changed(db, changes),
        onState: (state) => {
          this.feedState = state;
          this.broadcast({ type: 'live', live: liveStatus(state) });
        },
      });
      this.feed = feed;
      feed.start();
    })();
  }

  private async stopFeed(): Promise<void> {
    const feed = this.feed;
    this.feed = undefined;
    await feed?.stop();
    this.feedState = undefined;
    this.broadcast({ type: 'live', live: { state: 'off' } });
  }

  /** Pulled changes were stored (by a run or the live feed): tell whoever shows them. */
  private async changed(db: CaselineDb, changes: TeamChanges): Promise<void> {
    await this.remember({ lastPullAt: new Date().toISOString(), ...(changes.keptFirst.length > 0 ? { refusedDocs: changes.keptFirst.map((id) => ({ id, reason: 'the server sent a different revision of a record already stored: the first is kept' })) } : {}) }, db);
    if (changes.publicationsChanged) this.deps.onPublicationsChanged?.();
    if (changes.stored > 0 || changes.removed > 0) this.broadcast({ type: 'teamChanged', stored: changes.stored, removed: changes.removed, publications: changes.publicationsChanged });
  }

  // ── runs ──

  private async secret(): Promise<string | undefined> {
    const stored: Record<string, unknown> = await browser.storage.session.get(SECRET_KEY).catch(() => ({}));
    const secret = stored[SECRET_KEY];
    return typeof secret === 'string' ? secret : undefined;
  }

  private clientFor(s: CaselineSettings): CouchClient {
    return (this.client ??= teamClient(s.sync, fetchWithCookies, () => this.secret()));
  }

  private async info(db: CaselineDb): Promise<RunInfo> {
    return ((await db.get('meta', STATUS_KEY))?.value ?? {}) as RunInfo;
  }

  private async remember(change: Partial<RunInfo> & { lastError?: string | undefined }, db?: CaselineDb): Promise<void> {
    const d = db ?? (await this.deps.db());
    const info = { ...(await this.info(d)), ...change };
    if ('lastError' in change && change.lastError === undefined) delete info.lastError;
    await d.put('meta', { key: STATUS_KEY, value: info });
  }

  private async run(ignoreBackoff: boolean): Promise<void> {
    this.running ??= this.runOnce(ignoreBackoff).finally(() => (this.running = undefined));
    return this.running;
  }

  private async runOnce(ignoreBackoff: boolean): Promise<void> {
    const s = await this.deps.settings();
    if (!s.sync.enabled) return;
    const db = await this.deps.db();
    const client = this.clientFor(s);
    const outcome = await syncWithTeam(db, s, client, { ignoreBackoff, ...(this.deps.sharedInbox ? { sharedInbox: this.deps.sharedInbox } : {}) });
    const now = new Date().toISOString();
    const invalid = outcome.pulled?.invalid ?? [];
    await this.remember(
      {
        ...(outcome.pushed.error ? {} : { lastPushAt: now }),
        ...(outcome.pulled ? { lastPullAt: now } : {}),
        lastError: outcome.error,
        ...(client.userName ? { serverRoles: [...client.roles] } : {}),
        ...(invalid.length > 0 || outcome.changes.keptFirst.length > 0
          ? { refusedDocs: [...invalid, ...outcome.changes.keptFirst.map((id) => ({ id, reason: 'the server sent a different revision of a record already stored: the first is kept' }))].slice(-50) }
          : {}),
      },
      db,
    );
    if (outcome.pushed.retryAt) await browser.alarms.create(SYNC_ALARM, { when: outcome.pushed.retryAt });
    else if (outcome.error) await browser.alarms.create(SYNC_ALARM, { delayInMinutes: 5 });
    if (outcome.changes.stored > 0 || outcome.changes.removed > 0) await this.changed(db, outcome.changes);
  }
}
