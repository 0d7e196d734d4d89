/**
 * Optional team sync, run by the background: the password is exchanged for a `_session` cookie
 * here and kept only in memory-backed session storage (never in page or content-script
 * storage, never on disk); the outbox is pushed, the team's records pulled, and retries after
 * failures are driven by alarms so nothing depends on the worker staying alive.
 */
import { browser } from 'wxt/browser';
import type { CaselineDb } from '../db/schema';
import { countOutbox } from '../db/outbox';
import { saveAppSettings } from '../desk/app-settings';
import { IdbSyncStore } from '../desk/idb-sync-store';
import { putTeamDocs } from '../desk/team-records';
import type { Reply, SyncStatus } from '../messages';
import { dashboardView, warmDashboard } from '../desk/dashboard-view';
import type { DashboardView } from '../desk/dashboard-view';
import type { DashboardFormFilters } from '../metrics/dashboard-input';
import type { CaselineSettings } from '../settings/settings';
import { CouchClient } from '../sync/couch-client';
import type { SyncDoc } from '../cases/team-docs';
import { pullChanges } from '../sync/pull';
import { pushOutbox } from '../sync/push';
import { checkServerUrl } from '../sync/server-url';
import { effectivePolicy } from '../desk/effective-policy';

export const SYNC_ALARM = 'caseline-sync';
const SECRET_KEY = 'caseline.sync.secret';
const STATUS_KEY = 'syncStatus';

interface Deps {
  db: () => Promise<CaselineDb>;
  settings: () => Promise<CaselineSettings>;
  /** Called after settings change here, so the background drops its cached copy. */
  onSettingsChanged?: (s: CaselineSettings) => void;
  newId: () => string;
  /**
   * The shared inbox (utils/extension/shared-inbox-service.ts): takes its documents out of each
   * pulled batch (returning the rest for the team's records) and, after a run, reads the team
   * profile with the signed-in client.
   */
  sharedInbox?: {
    storePulled(docs: SyncDoc[]): Promise<SyncDoc[]>;
    afterRun(client: CouchClient): Promise<void>;
  };
}

interface RunInfo {
  lastPushAt?: string;
  lastPullAt?: string;
  lastError?: string;
}

export class SyncService {
  private client: CouchClient | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly deps: Deps) {}

  async connect(input: { url: string; db: string; user: string; password: string }): Promise<Reply<SyncStatus>> {
    const checked = checkServerUrl(input.url);
    if (!checked.ok) return { ok: false, error: checked.reason, fields: [{ field: 'sync.url', message: checked.reason }] };
    const granted = await browser.permissions.contains({ origins: [`${checked.origin}/*`] }).catch(() => false);
    if (!granted) return { ok: false, error: `Caseline needs your permission to reach ${checked.origin}: press Connect again and allow it.` };
    const client = new CouchClient({ url: checked.url, db: input.db, fetch: (u, init) => fetch(u, { ...init, credentials: 'include' }) });
    try {
      await client.login(input.user, input.password);
    } catch (error) {
      return { ok: false, error: `Could not sign in to the team server: ${error instanceof Error ? error.message : String(error)}` };
    }
    const current = await this.deps.settings();
    const saved = await saveAppSettings(await this.deps.db(), { ...current, sync: { enabled: true, url: checked.url, db: input.db, user: input.user } });
    if (!saved.ok) return { ok: false, error: 'The sync settings were not saved.', fields: saved.errors };
    this.deps.onSettingsChanged?.(saved.value);
    await browser.storage.session.set({ [SECRET_KEY]: input.password }).catch(() => undefined);
    this.client = client;
    await this.run(true);
    return { ok: true, value: await this.status() };
  }

  async disconnect(): Promise<Reply<SyncStatus>> {
    const current = await this.deps.settings();
    const saved = await saveAppSettings(await this.deps.db(), { ...current, sync: { ...current.sync, enabled: false } });
    if (saved.ok) this.deps.onSettingsChanged?.(saved.value);
    await this.client?.logout().catch(() => undefined);
    this.client = undefined;
    await browser.storage.session.remove(SECRET_KEY).catch(() => undefined);
    await browser.alarms.clear(SYNC_ALARM);
    return { ok: true, value: await this.status() };
  }

  async status(): Promise<SyncStatus> {
    const s = await this.deps.settings();
    const db = await this.deps.db();
    const store = new IdbSyncStore(db);
    const info = ((await db.get('meta', STATUS_KEY))?.value ?? {}) as RunInfo;
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
  }

  /** A signed-in client for the team server (shared inbox: presence, team profile); undefined when sync is off or sign-in fails. */
  async signedInClient(): Promise<CouchClient | undefined> {
    const s = await this.deps.settings();
    if (!s.sync.enabled) return undefined;
    const client = (this.client ??= new CouchClient({ url: s.sync.url, db: s.sync.db, fetch: (u, init) => fetch(u, { ...init, credentials: 'include' }) }));
    if (!client.userName) await client.session().catch(() => undefined);
    if (!client.userName) await this.relogin(client, s).catch(() => undefined);
    return client.userName ? client : undefined;
  }

  private async relogin(client: CouchClient, s: CaselineSettings): Promise<void> {
    const stored: Record<string, unknown> = await browser.storage.session.get(SECRET_KEY).catch(() => ({}));
    const secret = stored[SECRET_KEY] as string | undefined;
    if (!secret) throw new Error('The team server session expired: sign in again in Options → Sync.');
    await client.login(s.sync.user, secret);
  }

  /** After a local change: push soon (an alarm, so a stopped worker still does it). */
  async kick(): Promise<void> {
    const s = await this.deps.settings();
    if (s.sync.enabled) await browser.alarms.create(SYNC_ALARM, { delayInMinutes: 0.1 });
  }

  async onAlarm(name: string): Promise<void> {
    if (name === SYNC_ALARM) await this.run(false);
  }

  /** The dashboard's figures from local records, or the team's synced ones (leads only). */
  async dashboard(source: 'local' | 'team', form: DashboardFormFilters): Promise<Reply<DashboardView>> {
    const s = await this.deps.settings();
    if (source === 'team') {
      if (!s.sync.enabled) return { ok: false, error: 'Team sync is off: connect the team server in Options → Sync to see everyone’s records.' };
      if (s.role !== 'lead') return { ok: false, error: 'Only team leads pull everyone’s records. Set your role to lead in Options.' };
    }
    const now = Date.now();
    const names = s.agent.name ? { [s.agent.id]: s.agent.name } : {};
    return { ok: true, value: await dashboardView(await this.deps.db(), effectivePolicy(s, new Date(now)), source, form, now, names) };
  }

  private async run(ignoreBackoff: boolean): Promise<void> {
    this.running ??= this.runOnce(ignoreBackoff).finally(() => (this.running = undefined));
    return this.running;
  }

  private async runOnce(ignoreBackoff: boolean): Promise<void> {
    const s = await this.deps.settings();
    if (!s.sync.enabled) return;
    const db = await this.deps.db();
    const store = new IdbSyncStore(db);
    const info = ((await db.get('meta', STATUS_KEY))?.value ?? {}) as RunInfo;
    const client = (this.client ??= new CouchClient({ url: s.sync.url, db: s.sync.db, fetch: (u, init) => fetch(u, { ...init, credentials: 'include' }) }));
    const relogin = () => this.relogin(client, s);
    try {
      if (!client.userName) await client.session().catch(() => undefined);
      if (!client.userName) await relogin();
      const pushed = await pushOutbox(store, client, { author: s.sync.user, relogin, ignoreBackoff });
      if (pushed.error) info.lastError = pushed.error;
      else {
        info.lastPushAt = new Date().toISOString();
        delete info.lastError;
      }
      if (pushed.retryAt) await browser.alarms.create(SYNC_ALARM, { when: pushed.retryAt });
      if (!pushed.error) {
        const shared = this.deps.sharedInbox;
        // The team profile first: pulled shared-inbox records are keyed with its salt.
        if (shared) await shared.afterRun(client).catch(() => undefined);
        const pulled = await pullChanges(store, client, {
          role: s.role,
          checkpointKey: `changes:${s.role}:${s.sync.url}/${s.sync.db}`,
          apply: async (docs) => putTeamDocs(db, shared ? await shared.storePulled(docs) : docs),
        });
        info.lastPullAt = new Date().toISOString();
        // Evaluate the pulled cases' SLA now, so the lead's dashboard opens from the cache.
        if (pulled.applied > 0 && s.role === 'lead') await warmDashboard(db, effectivePolicy(s, new Date()), 'team');
      }
    } catch (error) {
      info.lastError = error instanceof Error ? error.message : String(error);
      // A failed pull or sign-in is tried again later by alarm, not only on the next change.
      await browser.alarms.create(SYNC_ALARM, { delayInMinutes: 5 });
    }
    await db.put('meta', { key: STATUS_KEY, value: info });
  }
}
