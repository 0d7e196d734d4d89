/**
 * Presence: which agent has which conversation open, and who is writing a reply in it, so two
 * agents do not answer one customer twice. Short-lived by design: each install keeps one
 * presence record on the team database, rewritten on every change and at each heartbeat; a
 * record not refreshed within the expiry counts as gone (a closed laptop, a lost network), and a
 * tab that closes withdraws its conversation at once. A record carries the agent's handle and
 * name and, per conversation, only its thread key, what the agent is doing there and since when:
 * never a subject, an address or a word of the mail. Pure.
 */
import { isThreadKey } from './thread-key';
import { isHandle } from './team-roster';

/** How often an install rewrites its record while it has conversations open. */
export const PRESENCE_HEARTBEAT_MS = 15_000;
/**
 * A record older than this is gone (a closed laptop, a lost network). A visible tab writes every
 * 15 s; a tab in the background has its timers held to once a minute by the browser, so the
 * expiry leaves room for that minute and a late write.
 */
export const PRESENCE_EXPIRY_MS = 90_000;
/** Typing in the reply editor is reported at most this often. */
export const TYPING_REPORT_MS = 5_000;
/** "Replying" falls back to "viewing" after this long without typing (the draft left open). */
export const REPLY_IDLE_MS = 5 * 60_000;
/** At most this many conversations in one record (many tabs). */
export const PRESENCE_THREADS_MAX = 20;

export type PresenceActivity = 'viewing' | 'replying';

export interface ThreadPresence {
  state: PresenceActivity;
  /** When the agent started viewing, or started the reply. */
  since: string;
}

/** One install's record as the team database holds it. */
export interface AgentPresence {
  /** The record's id (one per install). */
  id: string;
  /** Handle of the agent. */
  by: string;
  name?: string;
  /** When it was last written (the heartbeat). */
  at: string;
  threads: Record<string, ThreadPresence>;
}

/** Another agent on the conversation shown, as the sidebar says it. */
export interface PresenceOnThread {
  by: string;
  name: string;
  state: PresenceActivity;
  since: string;
}

/**
 * What a tab is told about the conversation it shows. `status`: 'shared' — presence is
 * exchanged with the team; 'solo' — team sync is off; 'offline' — this browser is offline
 * (teammates can neither see this agent nor be seen); 'unavailable' — the team server cannot be
 * reached. `seenAt` is when each teammate's record was written (the sidebar drops it once expired).
 */
export interface PresenceForTab {
  type: 'presence';
  caseId: string | null;
  status: 'shared' | 'solo' | 'offline' | 'unavailable';
  others: Array<PresenceOnThread & { seenAt: string }>;
}

/** What one tab reports: the conversation it shows (thread key) and what the agent does there. */
export interface TabActivity {
  thread: string;
  state: PresenceActivity;
  since: string;
  /** Last typing in the reply editor (epoch ms), for REPLY_IDLE_MS. */
  lastInputAt?: number;
}

/** An install's threads from its tabs: one entry per conversation, "replying" over "viewing", the earliest since. */
export function mergeTabs(tabs: Iterable<TabActivity>, now: number): Record<string, ThreadPresence> {
  const out: Record<string, ThreadPresence> = {};
  for (const tab of tabs) {
    const state = effectiveActivity(tab, now);
    const known = out[tab.thread];
    if (!known) out[tab.thread] = { state, since: tab.since };
    else if (state === 'replying' && known.state !== 'replying') out[tab.thread] = { state, since: tab.since };
    else if (state === known.state && Date.parse(tab.since) < Date.parse(known.since)) out[tab.thread] = { state, since: tab.since };
  }
  const keys = Object.keys(out);
  if (keys.length <= PRESENCE_THREADS_MAX) return out;
  // Keep the replies first, then the most recent views.
  keys.sort((a, b) => (out[a]!.state === out[b]!.state ? Date.parse(out[b]!.since) - Date.parse(out[a]!.since) : out[a]!.state === 'replying' ? -1 : 1));
  return Object.fromEntries(keys.slice(0, PRESENCE_THREADS_MAX).map((k) => [k, out[k]!]));
}

/** A reply left untouched for REPLY_IDLE_MS counts as viewing again. */
export function effectiveActivity(tab: TabActivity, now: number): PresenceActivity {
  if (tab.state !== 'replying') return 'viewing';
  const last = tab.lastInputAt ?? Date.parse(tab.since);
  return now - last > REPLY_IDLE_MS ? 'viewing' : 'replying';
}

export function isExpired(p: Pick<AgentPresence, 'at'>, now: number): boolean {
  const at = Date.parse(p.at);
  return Number.isNaN(at) || now - at > PRESENCE_EXPIRY_MS;
}

/**
 * The other agents on a conversation now: records not expired, not `me` (any install of mine),
 * replying first, then by who came first. One entry per agent (their most telling install).
 */
export function othersOnThread(records: Iterable<AgentPresence>, thread: string, me: string, now: number, nameOf: (handle: string, given?: string) => string): Array<PresenceOnThread & { seenAt: string }> {
  const byAgent = new Map<string, PresenceOnThread & { seenAt: string }>();
  for (const r of records) {
    if (r.by === me || isExpired(r, now)) continue;
    const t = r.threads[thread];
    if (!t) continue;
    const entry = { by: r.by, name: nameOf(r.by, r.name), state: t.state, since: t.since, seenAt: r.at };
    const known = byAgent.get(r.by);
    if (!known || (entry.state === 'replying' && known.state === 'viewing')) byAgent.set(r.by, entry);
  }
  return [...byAgent.values()].sort((a, b) => (a.state === b.state ? Date.parse(a.since) - Date.parse(b.since) : a.state === 'replying' ? -1 : 1));
}

/** "2 min", "just now", "1 h 05 min": how long since an instant. */
export function sinceWords(since: string, now: number): string {
  const minutes = Math.floor((now - Date.parse(since)) / 60_000);
  if (!Number.isFinite(minutes) || minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  return `${h} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** The banner line: "Ana is replying — 2 min", "Bob is viewing this conversation — just now". */
export function describePresence(p: PresenceOnThread, now: number): string {
  const what = p.state === 'replying' ? 'is replying' : 'is viewing this conversation';
  return `${p.name} ${what} — ${sinceWords(p.since, now)}`;
}

/**
 * The warning before inserting a template or sending while someone else writes a reply to the
 * same customer; null when nobody does.
 */
export function replyWarning(others: readonly PresenceOnThread[], action: 'insert' | 'send', now: number): string | null {
  const replying = others.filter((o) => o.state === 'replying');
  if (replying.length === 0) return null;
  const who = replying.map((o) => `${o.name} (for ${sinceWords(o.since, now).replace('just now', 'a moment')})`);
  const names = who.length === 1 ? who[0]! : `${who.slice(0, -1).join(', ')} and ${who[who.length - 1]!}`;
  const verb = replying.length === 1 ? 'is' : 'are';
  return action === 'send'
    ? `${names} ${verb} writing a reply to this customer too. Send yours anyway?`
    : `${names} ${verb} writing a reply to this customer. Insert the template anyway?`;
}

/** A presence record from the team database, checked (anything odd: null, and it is ignored). */
export function parsePresence(input: { id?: unknown; by?: unknown; name?: unknown; at?: unknown; threads?: unknown }): AgentPresence | null {
  const { id, by, name, at, threads } = input;
  if (typeof id !== 'string' || id === '' || !isHandle(by) || typeof at !== 'string' || Number.isNaN(Date.parse(at))) return null;
  if (typeof threads !== 'object' || threads === null || Array.isArray(threads)) return null;
  const entries = Object.entries(threads as Record<string, unknown>);
  if (entries.length > PRESENCE_THREADS_MAX) return null;
  const out: Record<string, ThreadPresence> = {};
  for (const [key, value] of entries) {
    if (!isThreadKey(key) || typeof value !== 'object' || value === null) return null;
    const { state, since } = value as { state?: unknown; since?: unknown };
    if ((state !== 'viewing' && state !== 'replying') || typeof since !== 'string' || Number.isNaN(Date.parse(since))) return null;
    out[key] = { state, since };
  }
  return { id, by, at, threads: out, ...(typeof name === 'string' && name.trim() !== '' ? { name: name.trim().slice(0, 200) } : {}) };
}
