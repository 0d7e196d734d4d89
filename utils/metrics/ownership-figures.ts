/**
 * The dashboard's ownership figures for a shared inbox, from the team's ownership changes
 * (utils/shared-inbox/ownership.ts): how many cases each agent holds, what changed hands in the
 * date range (claims, reassignments, conflicting claims) and, where the open conversations are
 * known, how many nobody owns. Pure.
 */
import { foldOwnership, type OwnershipChange } from '../shared-inbox/ownership';

export interface OwnerFigures {
  owner: string;
  /** Cases this agent owns at the end of the range (open ones only, when the open ones are known). */
  owned: number;
  /** Claims this agent made in the range that took. */
  claimed: number;
  /** Cases handed on or assigned to this agent in the range. */
  received: number;
  /** Cases this agent held that went to someone else in the range. */
  handedAway: number;
}

export interface OwnershipFigures {
  owners: OwnerFigures[];
  /** Cases with an owner at the end of the range. */
  owned: number;
  /** Open cases without an owner at the end of the range; null when the open cases are not known. */
  unassigned: number | null;
  /** Changes in the range that moved a case straight from one agent to another. */
  reassignments: number;
  /** Changes in the range that did not take because someone else had the case (conflicting claims). */
  conflicts: number;
}

/** Which conversations are open, and how many: asked only about conversations that had an owner. */
export interface OpenThreads {
  has(thread: string): boolean;
  readonly size: number;
}

export interface OwnershipFigureOptions {
  /** Inclusive start of the range (epoch ms); none: from the beginning. */
  from?: number;
  /** Exclusive end of the range (epoch ms): owners are taken as of this moment. */
  to: number;
  /** The conversations open at the end of the range, when known (a set of thread keys will do). */
  openThreads?: OpenThreads;
  /** Count only these agents in `owners` (the dashboard's agent filter). */
  agents?: readonly string[];
}

export function ownershipFigures(changes: Iterable<OwnershipChange>, opts: OwnershipFigureOptions): OwnershipFigures {
  const from = opts.from ?? -Infinity;
  const byThread = new Map<string, OwnershipChange[]>();
  for (const c of changes) {
    const at = Date.parse(c.at);
    if (Number.isNaN(at) || at >= opts.to) continue;
    const list = byThread.get(c.thread);
    if (list) list.push(c);
    else byThread.set(c.thread, [c]);
  }
  const owners = new Map<string, OwnerFigures>();
  const row = (owner: string): OwnerFigures => {
    let r = owners.get(owner);
    if (!r) owners.set(owner, (r = { owner, owned: 0, claimed: 0, received: 0, handedAway: 0 }));
    return r;
  };
  const figures: OwnershipFigures = { owners: [], owned: 0, unassigned: null, reassignments: 0, conflicts: 0 };
  const ownedThreads = new Set<string>();
  for (const [thread, list] of byThread) {
    const state = foldOwnership(list);
    let owner: string | undefined;
    for (const change of state.applied) {
      const next = change.type === 'claimed' ? change.by : change.type === 'released' ? undefined : change.owner;
      const inRange = Date.parse(change.at) >= from;
      if (inRange && next !== owner) {
        if (change.type === 'claimed' && next !== undefined) row(next).claimed += 1;
        else if (next !== undefined) row(next).received += 1;
        if (owner !== undefined && next !== undefined) {
          row(owner).handedAway += 1;
          figures.reassignments += 1;
        }
      }
      owner = next;
    }
    for (const o of state.overridden) if (Date.parse(o.change.at) >= from && o.change.type === 'claimed') figures.conflicts += 1;
    if (owner !== undefined && (!opts.openThreads || opts.openThreads.has(thread))) {
      row(owner).owned += 1;
      figures.owned += 1;
      ownedThreads.add(thread);
    }
  }
  // Every owned thread counted here is open (checked above): the rest of the open ones have no owner.
  if (opts.openThreads) figures.unassigned = Math.max(0, opts.openThreads.size - ownedThreads.size);
  const wanted = opts.agents && opts.agents.length > 0 ? new Set(opts.agents) : undefined;
  figures.owners = [...owners.values()]
    .filter((r) => !wanted || wanted.has(r.owner))
    .sort((a, b) => b.owned - a.owned || b.claimed + b.received - (a.claimed + a.received) || a.owner.localeCompare(b.owner));
  return figures;
}
