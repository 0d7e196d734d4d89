/**
 * The shared inbox in the background (issue 18): binds the use cases (utils/desk/shared-inbox-
 * desk.ts) and the presence hub to the extension. Mailbox tabs open the team port; every port is
 * checked (our content script on a mailbox host) and every message validated before the hub
 * acts on it. A port that closes withdraws its tab's presence at once.
 *
 * What travels to the team (when sync is on and the team database has a profile): ownership
 * changes and notes through the outbox, presence through the team database's presence records
 * (utils/sync/couch-presence-channel.ts). What arrives — by a sync run's pull or the live
 * `_changes` feed (SyncService's `sharedInbox` hook) — is stored and told to the tabs showing the
 * cases concerned; teammates' presence goes straight to the presence hub; a mention makes a
 * notification when the agent wants one. A visible mailbox tab keeps the live feed running (its
 * `caseline-live` port), so presence arrives as the server takes it; the presence channel reads
 * the others' records itself only while the feed is not live.
 */
import { browser } from 'wxt/browser';
import type { Runtime } from 'webextension-polyfill';
import type { SyncDoc } from '../cases/team-docs';
import type { CaselineDb } from '../db/schema';
import { getTeamProfile, saveTeamProfile, teamRoster } from '../db/thread-keys';
import { PresenceHub } from '../desk/presence-hub';
import { myHandle, presenceRecordId, SharedInboxDesk } from '../desk/shared-inbox-desk';
import { isMailOrigin, TeamPortMessageSchema, TEAM_PORT, type TeamPortNotice } from '../messages';
import type { CaselineSettings } from '../settings/settings';
import { nameOf } from '../shared-inbox/team-roster';
import { parseTeamProfile, TEAM_PROFILE_ID } from '../shared-inbox/team-profile';
import type { ListChip, QueueItem } from '../case-view';
import type { CaseTeamView } from '../shared-inbox/case-team-view';
import type { CouchClient } from '../sync/couch-client';
import { CouchPresenceChannel } from '../sync/couch-presence-channel';
import { tabsShowing } from './case-tabs';
import { STORAGE_KEYS } from './storage-keys';
import * as v from 'valibot';

const AT_RISK_NOTIFIED_KEY = STORAGE_KEYS.atRiskNotified.key;

interface Deps {
  db: () => Promise<CaselineDb>;
  settings: () => Promise<CaselineSettings>;
  newId: () => string;
  timeZone: string;
  /** A signed-in client for the team server (SyncService.signedInClient). */
  client: () => Promise<CouchClient | undefined>;
  /** Whether the team's live feed is following the server (SyncService.isLive). */
  live: () => boolean;
}

export class SharedInboxService {
  private deskInstance: SharedInboxDesk | undefined;
  private hubInstance: PresenceHub | undefined;
  private readonly ports = new Map<number, Runtime.Port>();
  private presenceChannel: CouchPresenceChannel | undefined;
  private names = new Map<string, string>();

  constructor(private readonly deps: Deps) {}

  async desk(): Promise<SharedInboxDesk> {
    return (this.deskInstance ??= new SharedInboxDesk({ db: await this.deps.db(), settings: this.deps.settings, now: () => new Date(), newId: this.deps.newId, timeZone: this.deps.timeZone }));
  }

  private hub(): PresenceHub {
    return (this.hubInstance ??= new PresenceHub({
      channel: async () => {
        const s = await this.deps.settings();
        const db = await this.deps.db();
        if (!s.sync.enabled || !(await getTeamProfile(db))) return undefined;
        await this.learnNames();
        return (this.presenceChannel = new CouchPresenceChannel({ client: this.deps.client, live: this.deps.live }));
      },
      identity: async () => {
        const s = await this.deps.settings();
        return { recordId: presenceRecordId(s), by: myHandle(s), ...(s.agent.name.trim() ? { name: s.agent.name.trim() } : {}) };
      },
      threadOf: async (caseId) => (await this.desk()).threadOf(caseId),
      nameOf: (handle, given) => given ?? this.names.get(handle) ?? handle,
      send: (tabId, notice) => this.post(tabId, notice),
      now: () => Date.now(),
    }));
  }

  /** Accepts mailbox tabs' team ports (checked: our own content script on a mailbox host). */
  listen(): void {
    browser.runtime.onConnect.addListener((port) => {
      if (port.name !== TEAM_PORT) return;
      const sender = port.sender;
      const tabId = sender?.tab?.id;
      const url = sender?.tab?.url ?? sender?.url;
      if (sender?.id !== browser.runtime.id || tabId === undefined || !isMailOrigin(url)) {
        port.disconnect();
        return;
      }
      this.ports.set(tabId, port);
      port.onMessage.addListener((message: unknown) => {
        const checked = v.safeParse(TeamPortMessageSchema, message);
        if (!checked.success) return; // refused: never acted on
        void this.hub()
          .report(tabId, checked.output)
          .catch((error: unknown) => console.error('[caseline] presence failed', error));
      });
      port.onDisconnect.addListener(() => {
        if (this.ports.get(tabId) === port) this.ports.delete(tabId);
        void this.hub().gone(tabId);
      });
      void this.tellMentions(tabId);
    });
  }

  /** Settings changed: presence starts again with the new identity and channel. */
  async reset(): Promise<void> {
    await this.hubInstance?.reset();
  }

  /** Forget what was derived (after an erasure or "erase everything"). */
  forget(): void {
    this.deskInstance = undefined;
  }

  /** After a sync run: the team profile (salt and members). Keyed again when the salt is new. */
  async afterRun(client: CouchClient): Promise<void> {
    const profile = parseTeamProfile(await client.getDoc(TEAM_PROFILE_ID).catch(() => undefined));
    if (!profile) return;
    const rekeyed = await saveTeamProfile(await this.deps.db(), profile, new Date().toISOString());
    await this.learnNames();
    if (rekeyed) await this.reset();
  }

  /**
   * Pulled documents (a run's or the live feed's): teammates' presence goes to the hub at once,
   * the shared inbox's records are stored here (tabs told), records deleted on the server are
   * removed, and the rest is returned for the team's records.
   */
  async storePulled(docs: SyncDoc[], deletedIds: string[] = []): Promise<SyncDoc[]> {
    const presence = docs.filter((d) => d.type === 'presence');
    if (presence.length > 0) this.presenceChannel?.take(presence);
    const desk = await this.desk();
    const effects = await desk.storePulled(docs, deletedIds);
    if (presence.length > 0) await this.learnNames();
    for (const caseId of effects.touchedCases) {
      const view = await desk.caseTeam(caseId);
      if (view.ok) for (const tabId of tabsShowing(caseId)) this.tell(tabId, view.value);
    }
    for (const o of effects.overridden) {
      for (const tabId of o.caseId ? tabsShowing(o.caseId) : []) this.post(tabId, { type: 'overridden', ...o });
      await this.notify(`caseline-override-${Date.now()}`, 'Your claim did not take', o.text);
    }
    if (effects.newMentions.length > 0) {
      const s = await this.deps.settings();
      if (s.notifications.mentions) {
        for (const n of effects.newMentions.slice(0, 5)) {
          await this.notify(`caseline-mention-${n.id}`, `${n.name ?? n.by} mentioned you in a note`, n.text.length > 180 ? `${n.text.slice(0, 177)}…` : n.text);
        }
      }
      for (const tabId of this.ports.keys()) await this.tellMentions(tabId);
    }
    return effects.rest;
  }

  /** Queue rows with their owners. */
  async withOwners<T extends QueueItem | ListChip>(items: T[]): Promise<T[]> {
    const tags = await (await this.desk()).ownerTags(items.map((i) => i.caseId));
    return items.map((i) => {
      const tag = tags.get(i.caseId);
      return tag ? { ...i, ...tag } : i;
    });
  }

  /** Sends a tab the team's side of its case (after a teammate's or another tab's change). */
  tell(tabId: number, view: CaseTeamView): void {
    this.post(tabId, { type: 'teamCase', view });
  }

  /** For leads: a notification once per conversation and deadline that nobody owns and that is about to breach. */
  async checkAtRisk(): Promise<void> {
    const s = await this.deps.settings();
    if (s.role !== 'lead' || !s.notifications.enabled) return;
    const risky = await (await this.desk()).atRisk(s.notifications.leadMinutes);
    if (risky.length === 0) return;
    const stored = (await browser.storage.session.get(AT_RISK_NOTIFIED_KEY).catch(() => ({}) as Record<string, unknown>))[AT_RISK_NOTIFIED_KEY] as string[] | undefined;
    const told = new Set(stored ?? []);
    for (const r of risky) {
      const key = `${r.thread}@${r.dueAt}`;
      if (told.has(key)) continue;
      told.add(key);
      await this.notify(
        `caseline-unassigned-${r.thread.slice(0, 16)}`,
        `Nobody owns: ${r.subject || r.reference || 'a team conversation'}`,
        `Due ${new Date(r.dueAt).toLocaleString()} and not assigned. Open it and assign it to someone.`,
      );
    }
    await browser.storage.session.set({ [AT_RISK_NOTIFIED_KEY]: [...told].slice(-500) }).catch(() => undefined);
  }

  private async tellMentions(tabId: number): Promise<void> {
    const mentions = await (await this.desk()).mentions(200);
    if (mentions.ok) this.post(tabId, { type: 'mentions', unseen: mentions.value.filter((m) => !m.seen).length });
  }

  async tellAllMentions(): Promise<void> {
    for (const tabId of this.ports.keys()) await this.tellMentions(tabId);
  }

  private async learnNames(): Promise<void> {
    const roster = await teamRoster(await this.deps.db());
    this.names = new Map(roster.members.map((m) => [m.handle, nameOf(roster, m.handle)]));
  }

  private post(tabId: number, notice: TeamPortNotice): void {
    try {
      this.ports.get(tabId)?.postMessage(notice);
    } catch {
      this.ports.delete(tabId);
    }
  }

  private async notify(id: string, title: string, message: string): Promise<void> {
    await browser.notifications
      .create(id, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message, priority: 1 })
      .catch(() => undefined);
  }
}
