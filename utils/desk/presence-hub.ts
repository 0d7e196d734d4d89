/**
 * The background's presence hub: what the mailbox tabs report (the conversation shown, typing in
 * the reply editor, a tab gone, the browser offline) becomes this install's one presence record,
 * published through a PresenceChannel at each change and heartbeat; the records that come back
 * become, for each tab, the teammates on its conversation. No extension APIs: the background
 * binds tabs' ports to it (utils/extension/presence-port.ts), tests drive it directly.
 */
import type { PresenceChannel } from '../shared-inbox/presence-channel';
import {
  effectiveActivity,
  mergeTabs,
  othersOnThread,
  PRESENCE_HEARTBEAT_MS,
  type AgentPresence,
  type PresenceForTab,
  type TabActivity,
} from '../shared-inbox/presence';

export interface PresenceIdentity {
  /** This install's record id on the team database. */
  recordId: string;
  by: string;
  name?: string;
}

export interface PresenceHubDeps {
  /** The channel while presence is shared with a team; undefined when it is not (sync off, no team profile). */
  channel: () => Promise<PresenceChannel | undefined>;
  identity: () => Promise<PresenceIdentity>;
  threadOf: (caseId: string) => Promise<string>;
  /** What to call a teammate (their chosen name, else the roster's, else the handle). */
  nameOf: (handle: string, given?: string) => string;
  send: (tabId: number, notice: PresenceForTab) => void;
  now: () => number;
}

export type TabReport =
  | { type: 'thread'; caseId: string | null }
  | { type: 'typing' }
  | { type: 'replyClosed' }
  | { type: 'heartbeat' }
  | { type: 'offline' }
  | { type: 'online' };

interface TabState {
  caseId: string | null;
  thread?: string;
  activity?: TabActivity;
  offline: boolean;
  /** The last notice sent, to send only changes. */
  told?: string;
}

export class PresenceHub {
  private readonly tabs = new Map<number, TabState>();
  private records: AgentPresence[] = [];
  private channel: PresenceChannel | undefined;
  private unsubscribe: (() => void) | undefined;
  private status: PresenceForTab['status'] = 'solo';
  private lastThreads = '';
  private lastPublishAt = 0;
  private publishing: Promise<void> | undefined;
  private again = false;
  private me: PresenceIdentity | undefined;

  constructor(private readonly deps: PresenceHubDeps) {}

  /** A tab's report; resolves once it is published and the tabs told. */
  async report(tabId: number, msg: TabReport): Promise<void> {
    const now = this.deps.now();
    const tab = this.tabs.get(tabId) ?? { caseId: null, offline: false };
    this.tabs.set(tabId, tab);
    let changed = false;
    switch (msg.type) {
      case 'thread':
        if (msg.caseId !== tab.caseId) {
          tab.caseId = msg.caseId;
          delete tab.thread;
          delete tab.activity;
          delete tab.told;
          if (msg.caseId !== null) {
            tab.thread = await this.deps.threadOf(msg.caseId);
            tab.activity = { thread: tab.thread, state: 'viewing', since: new Date(now).toISOString() };
          }
          changed = true;
        }
        break;
      case 'typing':
        if (tab.activity) {
          if (effectiveActivity(tab.activity, now) !== 'replying') {
            tab.activity = { ...tab.activity, state: 'replying', since: new Date(now).toISOString() };
            changed = true;
          }
          tab.activity.lastInputAt = now;
        }
        break;
      case 'replyClosed':
        if (tab.activity?.state === 'replying') {
          tab.activity = { thread: tab.activity.thread, state: 'viewing', since: new Date(now).toISOString() };
          changed = true;
        }
        break;
      case 'heartbeat':
        // A draft left alone for long enough goes back to "viewing".
        if (tab.activity && tab.activity.state === 'replying' && effectiveActivity(tab.activity, now) === 'viewing') {
          tab.activity = { thread: tab.activity.thread, state: 'viewing', since: new Date(now).toISOString() };
          changed = true;
        }
        break;
      case 'offline':
        changed = !tab.offline;
        tab.offline = true;
        break;
      case 'online':
        changed = tab.offline;
        tab.offline = false;
        delete tab.told;
        break;
    }
    await this.ensureChannel();
    await this.publish(changed);
    this.tellTabs();
  }

  /** The tab closed or left the mailbox: its conversation is withdrawn at once. */
  async gone(tabId: number): Promise<void> {
    if (!this.tabs.delete(tabId)) return;
    await this.publish(true);
    if (![...this.tabs.values()].some((t) => t.thread)) this.stopListening();
    this.tellTabs();
  }

  /** Settings changed (sync on or off, another user): start again with the new channel. */
  async reset(): Promise<void> {
    this.stopListening();
    this.channel = undefined;
    this.me = undefined;
    this.lastThreads = '';
    for (const t of this.tabs.values()) delete t.told;
    await this.ensureChannel();
    await this.publish(true);
    this.tellTabs();
  }

  /** Records that arrived by another way (a pull): taken in like the channel's. */
  take(records: readonly AgentPresence[]): void {
    this.merge(records);
    this.tellTabs();
  }

  /** For tests and the bench: the teammates' records held. */
  held(): readonly AgentPresence[] {
    return this.records;
  }

  private async ensureChannel(): Promise<void> {
    const active = [...this.tabs.values()].some((t) => t.thread);
    if (!active) return;
    if (!this.channel) {
      this.channel = await this.deps.channel();
      this.status = this.channel ? 'shared' : 'solo';
    }
    if (this.channel && !this.unsubscribe) {
      this.unsubscribe = this.channel.subscribe((records) => {
        this.merge(records);
        this.tellTabs();
      });
    }
  }

  private stopListening(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private merge(records: readonly AgentPresence[]): void {
    const byId = new Map(this.records.map((r) => [r.id, r]));
    for (const r of records) {
      if (this.me && r.id === this.me.recordId) continue;
      const known = byId.get(r.id);
      if (!known || Date.parse(r.at) >= Date.parse(known.at)) byId.set(r.id, r);
    }
    this.records = [...byId.values()];
  }

  private async publish(changed: boolean): Promise<void> {
    if (this.publishing) {
      this.again ||= changed;
      return this.publishing;
    }
    this.publishing = this.publishOnce(changed).finally(() => {
      this.publishing = undefined;
    });
    await this.publishing;
    if (this.again) {
      this.again = false;
      await this.publish(true);
    }
  }

  private async publishOnce(changed: boolean): Promise<void> {
    const channel = this.channel;
    if (!channel) return;
    const now = this.deps.now();
    const online = [...this.tabs.values()].filter((t) => !t.offline && t.activity);
    if (online.length === 0 && [...this.tabs.values()].some((t) => t.offline)) return; // nothing can be sent
    const threads = mergeTabs(online.map((t) => t.activity!), now);
    const key = JSON.stringify(threads);
    const due = now - this.lastPublishAt >= PRESENCE_HEARTBEAT_MS - 2_000;
    if (!changed && key === this.lastThreads && !due) return;
    if (key === '{}' && this.lastThreads === '{}' && !changed) return; // nothing open, already said so
    this.me ??= await this.deps.identity();
    const record: AgentPresence = { id: this.me.recordId, by: this.me.by, at: new Date(now).toISOString(), threads, ...(this.me.name ? { name: this.me.name } : {}) };
    const sent = await channel.publish(record).catch(() => false);
    this.status = sent ? 'shared' : 'unavailable';
    if (sent) {
      this.lastThreads = key;
      this.lastPublishAt = now;
    }
  }

  private tellTabs(): void {
    const now = this.deps.now();
    const by = this.me?.by;
    for (const [tabId, tab] of this.tabs) {
      const notice: PresenceForTab = {
        type: 'presence',
        caseId: tab.caseId,
        status: tab.offline ? 'offline' : this.status,
        others: tab.thread && !tab.offline && by !== undefined ? othersOnThread(this.records, tab.thread, by, now, this.deps.nameOf) : [],
      };
      const text = JSON.stringify(notice);
      if (text === tab.told) continue;
      tab.told = text;
      this.deps.send(tabId, notice);
    }
  }
}
