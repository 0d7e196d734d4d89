/**
 * Who owns a conversation of the shared inbox, from its ownership changes (case events
 * `claimed`, `assigned`, `handed_on`, `released`, written by any agent of the team, synced
 * under the thread key). Pure, and the same on every install: given the same changes, in
 * whatever order they arrived, every agent computes the same owner.
 *
 * The rule. Changes are taken in time order (`at`; ties by the writer's handle, then the event
 * id). A change applies only if it was allowed at that point of the history:
 *   claimed   — the case had no owner (or was already the claimant's: nothing changes);
 *   handed_on — the writer owned the case: it goes to the named agent;
 *   released  — the writer owned the case: it becomes unassigned;
 *   assigned  — always (only leads may write it: the team database refuses anyone else).
 * A change that was not allowed is overridden, kept on record, and its writer is told why.
 * So of two claims made at the same time on two machines (offline, or before either had seen
 * the other), the earlier one wins, and both sides say so once they have both changes.
 */
import type { TeamRole } from './team-roster';

export const OWNERSHIP_EVENT_TYPES = ['claimed', 'assigned', 'handed_on', 'released'] as const;
export type OwnershipEventType = (typeof OWNERSHIP_EVENT_TYPES)[number];

export function isOwnershipEventType(type: string): type is OwnershipEventType {
  return (OWNERSHIP_EVENT_TYPES as readonly string[]).includes(type);
}

/** One ownership change as the team shares it. */
export interface OwnershipChange {
  /** The case event's id (a ULID), unique across the team. */
  id: string;
  /** The thread key (thread-key.ts). */
  thread: string;
  type: OwnershipEventType;
  /** ISO instant it was made (the writer's clock). */
  at: string;
  /** Handle of the agent who made it. */
  by: string;
  /** The new owner for `assigned` (absent: unassigned) and `handed_on`. */
  owner?: string;
}

export type OverrideReason = 'already_owned' | 'not_owner';

export interface OverriddenChange {
  change: OwnershipChange;
  reason: OverrideReason;
  /** Who owned the case when the change was taken (undefined: nobody). */
  holder?: string;
}

export interface OwnershipState {
  owner?: string;
  /** When the current owner got the case. */
  since?: string;
  /** The change that gave it to them. */
  via?: OwnershipChange;
  /** The changes that applied, in the order taken. */
  applied: OwnershipChange[];
  /** Applied changes that moved the case from one owner straight to another. */
  reassignments: number;
  overridden: OverriddenChange[];
}

/** The order every install takes changes in. */
export function compareChanges(a: OwnershipChange, b: OwnershipChange): number {
  const ta = Date.parse(a.at);
  const tb = Date.parse(b.at);
  if (ta !== tb) return ta - tb;
  if (a.by !== b.by) return a.by < b.by ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function foldOwnership(changes: Iterable<OwnershipChange>): OwnershipState {
  const unique = new Map<string, OwnershipChange>();
  for (const c of changes) if (!Number.isNaN(Date.parse(c.at))) unique.set(c.id, c);
  const ordered = [...unique.values()].sort(compareChanges);
  const state: OwnershipState = { applied: [], reassignments: 0, overridden: [] };
  const give = (change: OwnershipChange, to: string | undefined) => {
    const before = state.owner;
    if (before !== undefined && to !== undefined && before !== to) state.reassignments += 1;
    state.applied.push(change);
    if (to === undefined) {
      delete state.owner;
      delete state.since;
      delete state.via;
    } else if (to !== before) {
      state.owner = to;
      state.since = change.at;
      state.via = change;
    }
  };
  const refuse = (change: OwnershipChange, reason: OverrideReason) =>
    state.overridden.push({ change, reason, ...(state.owner !== undefined ? { holder: state.owner } : {}) });
  for (const change of ordered) {
    switch (change.type) {
      case 'claimed':
        if (state.owner === undefined || state.owner === change.by) give(change, change.by);
        else refuse(change, 'already_owned');
        break;
      case 'handed_on':
        if (state.owner === change.by && change.owner !== undefined) give(change, change.owner);
        else refuse(change, 'not_owner');
        break;
      case 'released':
        if (state.owner === change.by) give(change, undefined);
        else refuse(change, 'not_owner');
        break;
      case 'assigned':
        give(change, change.owner);
        break;
    }
  }
  return state;
}

/** What an agent asks for in the sidebar. */
export type OwnershipCommand =
  | { type: 'claim' }
  | { type: 'handOn'; to: string }
  | { type: 'release' }
  /** Leads: give the case to someone (or to nobody: `to` null). */
  | { type: 'assign'; to: string | null };

export interface Actor {
  handle: string;
  role: TeamRole;
}

export type OwnershipDecision = { ok: true; type: OwnershipEventType; owner?: string } | { ok: false; error: string };

/**
 * The change a command makes now, or why not (a sentence for the sidebar). `isMember` says
 * whether a handle may receive a case (someone on the team).
 */
export function decideOwnership(
  state: Pick<OwnershipState, 'owner'>,
  command: OwnershipCommand,
  actor: Actor,
  names: { nameOf: (handle: string) => string; isMember: (handle: string) => boolean },
): OwnershipDecision {
  const owner = state.owner;
  const lead = actor.role === 'lead';
  const ownerName = owner === undefined ? '' : names.nameOf(owner);
  const checkTarget = (to: string): OwnershipDecision | null => {
    if (to === '') return { ok: false, error: 'Choose who gets the case.' };
    if (!names.isMember(to)) return { ok: false, error: `${to} is not on the team list: choose a teammate.` };
    return null;
  };
  switch (command.type) {
    case 'claim':
      if (owner === actor.handle) return { ok: false, error: 'This case is already yours.' };
      if (owner === undefined) return { ok: true, type: 'claimed' };
      if (lead) return { ok: true, type: 'assigned', owner: actor.handle };
      return { ok: false, error: `${ownerName} owns this case. Ask ${ownerName} to hand it on, or your team lead to reassign it.` };
    case 'handOn': {
      const bad = checkTarget(command.to);
      if (bad) return bad;
      if (command.to === actor.handle) return owner === actor.handle ? { ok: false, error: 'This case is already yours.' } : decideOwnership(state, { type: 'claim' }, actor, names);
      if (command.to === owner) return { ok: false, error: `The case is already ${ownerName}'s.` };
      if (owner === actor.handle) return { ok: true, type: 'handed_on', owner: command.to };
      if (lead) return { ok: true, type: 'assigned', owner: command.to };
      return { ok: false, error: owner === undefined ? 'Claim the case before handing it on.' : `Only ${ownerName}, who owns the case, or a team lead can hand it on.` };
    }
    case 'release':
      if (owner === undefined) return { ok: false, error: 'Nobody owns this case.' };
      if (owner === actor.handle) return { ok: true, type: 'released' };
      if (lead) return { ok: true, type: 'assigned' };
      return { ok: false, error: `Only ${ownerName}, who owns the case, or a team lead can release it.` };
    case 'assign': {
      if (command.to === null) return decideOwnership(state, { type: 'release' }, actor, names);
      if (command.to === actor.handle && !lead) return decideOwnership(state, { type: 'claim' }, actor, names);
      if (!lead) return { ok: false, error: 'Only a team lead assigns cases to someone else. You can claim a case for yourself, or hand on your own.' };
      const bad = checkTarget(command.to);
      if (bad) return bad;
      if (command.to === owner) return { ok: false, error: `The case is already ${ownerName}'s.` };
      return { ok: true, type: 'assigned', owner: command.to };
    }
  }
}

/**
 * Why an agent's own change did not take, in words (shown in the sidebar, and once as a
 * notification): "Ana already had this case when you claimed it at 09:05, so your claim did not
 * take. It is Ana's now."
 */
export function describeOverride(o: OverriddenChange, nameOf: (handle: string) => string, time: (iso: string) => string, currentOwner?: string): string {
  const holder = o.holder === undefined ? undefined : nameOf(o.holder);
  const now = currentOwner === undefined ? 'Nobody owns it now.' : `It is ${nameOf(currentOwner)}'s now.`;
  const when = time(o.change.at);
  const then = holder === undefined ? 'unassigned' : `${holder}'s`;
  switch (o.change.type) {
    case 'claimed':
      return `${holder ?? 'Someone'} already had this case when you claimed it at ${when}, so your claim did not take. ${now}`;
    case 'handed_on':
      return `Your hand-on at ${when} did not take: by then the case was ${then}. ${now}`;
    case 'released':
      return `Your release at ${when} did not take: by then the case was ${then}. ${now}`;
    default:
      return `Your change at ${when} did not take. ${now}`;
  }
}
