/**
 * The shared inbox's use cases (issue 18) over the database: owners (claim, hand on, release,
 * a lead's assignment), internal notes with @mentions, the mentions list, owner tags for the
 * queue and the list chips, the lead's "unassigned and about to breach" list, and storing what
 * teammates sent. No extension APIs: the background binds these to messages and ports, and the
 * unit tests run them on fake-indexeddb.
 */
import type { CaseEvent } from '../cases/events';
import type { SyncDoc } from '../cases/team-docs';
import { getCase, listOpenCasesByDeadline } from '../db/case-store';
import { describeDbError } from '../db/errors';
import { addNote, markNotesSeen, notesMentioning, notesOfThread } from '../db/notes-store';
import { ownershipChangesOf, ownershipOf, recordOwnershipChange } from '../db/ownership-store';
import { casesOfThreads, getTeamProfile, teamRoster, threadKeysOf } from '../db/thread-keys';
import type { CaselineDb, NoteRecord, OwnershipRecord } from '../db/schema';
import { formatDueTime } from '../countdown/describe-countdown';
import type { CaselineSettings } from '../settings/settings';
import type { CaseTeamView, MemberView, MentionView, OwnerTag, TeamMode } from '../shared-inbox/case-team-view';
import { decideOwnership, describeOverride, foldOwnership, type OwnershipCommand, type OwnershipState } from '../shared-inbox/ownership';
import { checkNoteText, parseMentions, type TeamNote } from '../shared-inbox/team-notes';
import { findMember, initialsOf, mergeRoster, nameOf, type TeamRole, type TeamRoster } from '../shared-inbox/team-roster';
import { storeSharedInboxDocs } from './shared-inbox-pulled';
import { teamCaseSummaries } from './team-records';
import { unassignedAtRisk, type ThreadDeadline } from '../shared-inbox/unassigned-at-risk';
import { isThreadKey } from '../shared-inbox/thread-key';

export interface SharedInboxDeps {
  db: CaselineDb;
  settings: () => Promise<CaselineSettings>;
  now: () => Date;
  newId: () => string;
  /** The agent's own zone (the browser's), for times in sentences. */
  timeZone: string;
}

/** The ids of the agent's own ownership changes they were told did not take. */
const TOLD_KEY = 'toldOverrides';

export type DeskResult<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * The agent's handle: the team user name once sync has been set up (the team database binds
 * records to it), else the install's agent id (owners and notes stay on this browser).
 */
export function myHandle(s: CaselineSettings): string {
  return s.sync.url !== '' && s.sync.user !== '' ? s.sync.user : s.agent.id;
}

/** This install's presence record id on the team database: one per install, rewritten in place. */
export function presenceRecordId(s: CaselineSettings): string {
  return `pr:${myHandle(s)}:${s.agent.id}`;
}

/** What changed for this install when teammates' records were stored. */
export interface PulledEffects {
  /** Documents for the team's case records (everything not of the shared inbox). */
  rest: SyncDoc[];
  /** Local cases whose owner or notes changed. */
  touchedCases: string[];
  /** Teammates' new notes that mention the agent. */
  newMentions: NoteRecord[];
  /** The agent's own ownership changes newly overridden by a teammate's, in words, with their case. */
  overridden: Array<{ caseId?: string; text: string }>;
  presence: number;
}

export class SharedInboxDesk {
  constructor(private readonly deps: SharedInboxDeps) {}

  /** Whether owners and notes are shared with a team. */
  async mode(s?: CaselineSettings): Promise<TeamMode> {
    const settings = s ?? (await this.deps.settings());
    if (!settings.sync.enabled) return 'solo';
    return (await getTeamProfile(this.deps.db)) ? 'team' : 'no-profile';
  }

  /** The team, with the agent in it (their chosen name and role). */
  async roster(s: CaselineSettings): Promise<TeamRoster> {
    return mergeRoster(await teamRoster(this.deps.db), [{ handle: myHandle(s), name: s.agent.name, role: s.role }]);
  }

  private async me(s: CaselineSettings): Promise<{ handle: string; role: TeamRole }> {
    const handle = myHandle(s);
    // In a team, the team profile says who is a lead (the database enforces it the same way).
    const profile = s.sync.enabled ? await getTeamProfile(this.deps.db) : undefined;
    return { handle, role: profile?.members.find((m) => m.handle === handle)?.role ?? s.role };
  }

  async threadOf(caseId: string): Promise<string> {
    return (await threadKeysOf(this.deps.db, [caseId])).get(caseId)!;
  }

  /** The team's side of a case for the sidebar. */
  async caseTeam(caseId: string): Promise<DeskResult<CaseTeamView>> {
    try {
      const s = await this.deps.settings();
      if (!(await getCase(this.deps.db, caseId))) return { ok: false, error: 'There is no case for this conversation yet.' };
      const thread = await this.threadOf(caseId);
      const [changes, notes, roster, mode] = await Promise.all([ownershipChangesOf(this.deps.db, thread), notesOfThread(this.deps.db, thread), this.roster(s), this.mode(s)]);
      const me = await this.me(s);
      return { ok: true, value: this.buildView(caseId, thread, mode, me, roster, foldOwnership(changes), notes) };
    } catch (error) {
      return { ok: false, error: describeDbError(error) };
    }
  }

  /** Claim, hand on, release or (leads) assign: one case event, shared with the team; the new view. */
  async changeOwner(caseId: string, command: OwnershipCommand): Promise<DeskResult<CaseTeamView>> {
    try {
      const s = await this.deps.settings();
      if (!(await getCase(this.deps.db, caseId))) return { ok: false, error: 'There is no case for this conversation yet.' };
      const thread = await this.threadOf(caseId);
      const roster = await this.roster(s);
      const me = await this.me(s);
      const state = foldOwnership(await ownershipChangesOf(this.deps.db, thread));
      const decision = decideOwnership(state, command, me, { nameOf: (h) => nameOf(roster, h), isMember: (h) => findMember(roster, h) !== undefined });
      if (!decision.ok) return decision;
      const mode = await this.mode(s);
      const now = this.deps.now().toISOString();
      const data = { by: me.handle, ...(decision.owner !== undefined ? { owner: decision.owner } : {}) };
      const event = { id: this.deps.newId(), caseId, type: decision.type, at: now, actor: s.agent.id, source: 'agent', data } as CaseEvent;
      const name = s.agent.name.trim();
      await recordOwnershipChange(this.deps.db, { caseId, event, agentId: s.agent.id, now, shareWithTeam: mode === 'team', syncable: s.sync.enabled, ...(name ? { name } : {}) });
      return this.caseTeam(caseId);
    } catch (error) {
      return { ok: false, error: describeDbError(error) };
    }
  }

  /** A note on the case (mentions parsed against the team), shared with the team; the new view. */
  async addNote(caseId: string, input: string): Promise<DeskResult<CaseTeamView>> {
    try {
      const checked = checkNoteText(input);
      if (!checked.ok) return checked;
      const s = await this.deps.settings();
      if (!(await getCase(this.deps.db, caseId))) return { ok: false, error: 'There is no case for this conversation yet.' };
      const thread = await this.threadOf(caseId);
      const roster = await this.roster(s);
      const handle = myHandle(s);
      const note: TeamNote = {
        id: `${handle}:${this.deps.newId()}`,
        thread,
        by: handle,
        at: this.deps.now().toISOString(),
        text: checked.text,
        mentions: parseMentions(checked.text, roster).filter((h) => h !== handle),
        ...(s.agent.name.trim() ? { name: s.agent.name.trim() } : {}),
      };
      await addNote(this.deps.db, note, { caseId, agentId: s.agent.id, shareWithTeam: (await this.mode(s)) === 'team' });
      return this.caseTeam(caseId);
    } catch (error) {
      return { ok: false, error: describeDbError(error) };
    }
  }

  /** Notes that mention the agent, newest first, with the conversation where this browser knows it. */
  async mentions(limit = 50): Promise<DeskResult<MentionView[]>> {
    const s = await this.deps.settings();
    const roster = await this.roster(s);
    const notes = await notesMentioning(this.deps.db, myHandle(s), limit);
    const cases = await casesOfThreads(this.deps.db, notes.map((n) => n.thread));
    const out: MentionView[] = [];
    for (const n of notes) {
      const caseId = cases.get(n.thread);
      const record = caseId ? await getCase(this.deps.db, caseId) : undefined;
      out.push({
        id: n.id,
        by: n.by,
        name: n.name ?? nameOf(roster, n.by),
        at: n.at,
        text: n.text,
        seen: n.seen === 1,
        ...(record ? { caseId: record.caseId, threadId: record.threadId, host: record.host, subject: record.subject } : {}),
      });
    }
    return { ok: true, value: out };
  }

  async markMentionsSeen(ids: readonly string[]): Promise<void> {
    await markNotesSeen(this.deps.db, ids);
  }

  /** Owner of each case that has one (queue rows, list chips). */
  async ownerTags(caseIds: readonly string[]): Promise<Map<string, OwnerTag>> {
    const out = new Map<string, OwnerTag>();
    if (caseIds.length === 0) return out;
    const s = await this.deps.settings();
    const keys = await threadKeysOf(this.deps.db, caseIds);
    const owners = await ownershipOf(this.deps.db, keys.values());
    // Most queues and lists have no owned conversation: the roster (every note, presence and change) only when one has.
    if (![...keys.values()].some((thread) => owners.get(thread)?.owner !== undefined)) return out;
    const roster = await this.roster(s);
    const me = myHandle(s);
    for (const [caseId, thread] of keys) {
      const owner = owners.get(thread)?.owner;
      if (owner === undefined) continue;
      const name = nameOf(roster, owner);
      out.set(caseId, { owner, ownerName: name, ownerInitials: initialsOf(name), mine: owner === me });
    }
    return out;
  }

  /**
   * For a lead: open conversations nobody owns whose next deadline falls within `withinMinutes`,
   * from the lead's own cases and the team's case summaries (those that carry a thread key).
   */
  async atRisk(withinMinutes: number): Promise<ThreadDeadline[]> {
    const now = this.deps.now().getTime();
    const deadlines: ThreadDeadline[] = [];
    const own = (await listOpenCasesByDeadline(this.deps.db, 5000)).filter((r) => r.nextDueAt !== undefined);
    const keys = await threadKeysOf(this.deps.db, own.map((r) => r.caseId));
    for (const r of own) deadlines.push({ thread: keys.get(r.caseId)!, dueAt: r.nextDueAt!, caseId: r.caseId, subject: r.subject, ...(r.reference ? { reference: r.reference } : {}) });
    for (const c of await teamCaseSummaries(this.deps.db)) {
      if (c.open !== 1 || typeof c.nextDueAt !== 'string' || !isThreadKey(c.thread)) continue;
      deadlines.push({ thread: c.thread, dueAt: c.nextDueAt, ...(typeof c.reference === 'string' ? { reference: c.reference } : {}) });
    }
    const owners = await ownershipOf(this.deps.db, deadlines.map((d) => d.thread));
    return unassignedAtRisk(deadlines, (t) => owners.get(t)?.owner, now, withinMinutes * 60_000);
  }

  /**
   * Stores teammates' records from a pull; says which local cases changed, which new notes
   * mention the agent and which of the agent's own changes a teammate's now overrides.
   */
  async storePulled(docs: readonly SyncDoc[], deletedIds: readonly string[] = []): Promise<PulledEffects> {
    const s = await this.deps.settings();
    const { rest, stored } = await storeSharedInboxDocs(this.deps.db, docs, presenceRecordId(s), deletedIds);
    const handle = myHandle(s);
    const threads = new Set([...stored.newOwnership.map((r) => r.thread), ...stored.newNotes.map((n) => n.thread)]);
    const cases = await casesOfThreads(this.deps.db, threads);
    const overridden: PulledEffects['overridden'] = [];
    const changedThreads = new Set(stored.newOwnership.map((r) => r.thread));
    if (changedThreads.size > 0) {
      const roster = await this.roster(s);
      const states = await ownershipOf(this.deps.db, changedThreads);
      const told = new Set(((await this.deps.db.get('meta', TOLD_KEY))?.value as string[] | undefined) ?? []);
      const before = told.size;
      for (const [thread, state] of states) {
        for (const o of state.overridden) {
          // Told once, when a teammate's change arrives that keeps one of ours from taking.
          if (o.change.by !== handle || told.has(o.change.id)) continue;
          told.add(o.change.id);
          const caseId = cases.get(thread);
          overridden.push({ ...(caseId ? { caseId } : {}), text: describeOverride(o, (h) => nameOf(roster, h), (iso) => formatDueTime(iso, this.deps.timeZone), state.owner) });
        }
      }
      if (told.size !== before) await this.deps.db.put('meta', { key: TOLD_KEY, value: [...told].slice(-2000) });
    }
    return {
      rest,
      touchedCases: [...new Set([...threads].flatMap((t) => (cases.has(t) ? [cases.get(t)!] : [])))],
      newMentions: stored.newNotes.filter((n) => n.mentions.includes(handle) && n.by !== handle),
      overridden,
      presence: stored.presence,
    };
  }

  private buildView(caseId: string, thread: string, mode: TeamMode, me: { handle: string; role: TeamRole }, roster: TeamRoster, state: OwnershipState, notes: readonly NoteRecord[]): CaseTeamView {
    const member = (handle: string): MemberView => {
      const m = findMember(roster, handle);
      const name = nameOf(roster, handle);
      return { handle, name, initials: initialsOf(name), ...(m?.role ? { role: m.role } : {}) };
    };
    const time = (iso: string) => formatDueTime(iso, this.deps.timeZone);
    const view: CaseTeamView = {
      caseId,
      thread,
      mode,
      me: { ...member(me.handle), role: me.role },
      overridden: state.overridden.filter((o) => o.change.by === me.handle).map((o) => describeOverride(o, (h) => nameOf(roster, h), time, state.owner)),
      ownershipHistory: historyLines(state, (h) => nameOf(roster, h)),
      members: roster.members.map((m) => member(m.handle)),
      notes: notes.map((n) => ({ id: n.id, by: n.by, name: n.name ?? nameOf(roster, n.by), at: n.at, text: n.text, mentions: n.mentions, mine: n.by === me.handle })),
    };
    if (state.owner !== undefined && state.since !== undefined) {
      const givenBy = state.via && state.via.by !== state.owner ? nameOf(roster, state.via.by) : undefined;
      view.owner = { ...member(state.owner), since: state.since, ...(givenBy ? { givenBy } : {}) };
    }
    return view;
  }
}

/** The ownership changes on record, in words, oldest first (the ones that did not take say so). */
export function historyLines(state: OwnershipState, nameOf: (handle: string) => string): Array<{ at: string; text: string }> {
  const lines: Array<{ at: string; text: string }> = [];
  const words = (c: OwnershipRecord | OwnershipState['applied'][number]): string => {
    const by = nameOf(c.by);
    switch (c.type) {
      case 'claimed':
        return `${by} claimed it`;
      case 'handed_on':
        return `${by} handed it on to ${nameOf(c.owner ?? '')}`;
      case 'released':
        return `${by} released it`;
      case 'assigned':
        return c.owner === undefined ? `${by} unassigned it` : c.owner === c.by ? `${by} took it` : `${by} assigned it to ${nameOf(c.owner)}`;
    }
  };
  for (const c of state.applied) lines.push({ at: c.at, text: words(c) });
  for (const o of state.overridden) lines.push({ at: o.change.at, text: `${words(o.change)} — did not take (${o.holder === undefined ? 'nobody owned it' : `${nameOf(o.holder)} had it`})` });
  return lines.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
