/**
 * The facts about one case that the dashboard figures are made of, read from its event log in
 * one pass. Events may come in any order (they are sorted by time, then id).
 *
 * - received: the first `received` event (else the earliest event).
 * - first response: the earliest `acknowledged` or `responded` event after receipt.
 * - resolved: the last `resolved` event, when no `reopened` follows it.
 * - closed: the last `closed` event, when no `reopened` follows it; `satisfied` from it.
 * - open (backlog): received, and neither resolved nor closed.
 * - category: the case's own, else the last `category_set` event.
 * - satisfaction: the last CSAT and NPS recorded by `outcome_recorded` events.
 */
import type { CaseEvent, Category } from '../cases/events';
import { parseInstant } from './parse-instant';

export interface CaseFacts {
  caseId: string;
  agentId: string;
  category: Category | undefined;
  receivedAt: number | undefined;
  firstResponseAt: number | undefined;
  resolvedAt: number | undefined;
  closedAt: number | undefined;
  closedSatisfied: boolean;
  csat: { value: number; at: number } | undefined;
  nps: { value: number; at: number } | undefined;
}

/** Reused between calls (caseFacts is synchronous): no allocation per case. */
let scratch = new Float64Array(64);

/** Indices of `events` in time order (then id), parsing each time once. */
function timeOrder(events: readonly CaseEvent[], times: Float64Array): number[] | undefined {
  let sorted = true;
  for (let i = 0; i < events.length; i++) {
    times[i] = parseInstant(events[i]!.at);
    if (i > 0 && (times[i]! < times[i - 1]! || (times[i] === times[i - 1] && events[i]!.id < events[i - 1]!.id))) sorted = false;
  }
  if (sorted) return undefined;
  return events
    .map((_, i) => i)
    .sort((a, b) => times[a]! - times[b]! || (events[a]!.id < events[b]!.id ? -1 : events[a]!.id > events[b]!.id ? 1 : 0));
}

/** `until` (epoch ms, optional): ignore events after it, to see the case as it stood then. */
export function caseFacts(
  input: { caseId: string; agentId: string; category?: Category | undefined; events: readonly CaseEvent[] },
  until?: number,
): CaseFacts {
  const events = input.events;
  if (scratch.length < events.length) scratch = new Float64Array(Math.max(events.length, scratch.length * 2));
  const times = scratch;
  const order = timeOrder(events, times);
  const facts: CaseFacts = {
    caseId: input.caseId,
    agentId: input.agentId,
    category: input.category,
    receivedAt: undefined,
    firstResponseAt: undefined,
    resolvedAt: undefined,
    closedAt: undefined,
    closedSatisfied: false,
    csat: undefined,
    nps: undefined,
  };
  let earliest: number | undefined;
  let lastCategory: Category | undefined;
  for (let k = 0; k < events.length; k++) {
    const i = order ? order[k]! : k;
    const e = events[i]!;
    const at = times[i]!;
    if (Number.isNaN(at)) continue;
    if (until !== undefined && at > until) break;
    if (earliest === undefined) earliest = at;
    switch (e.type) {
      case 'received':
        if (facts.receivedAt === undefined) facts.receivedAt = at;
        break;
      case 'acknowledged':
      case 'responded':
        if (facts.firstResponseAt === undefined) facts.firstResponseAt = at;
        break;
      case 'resolved':
        facts.resolvedAt = at;
        break;
      case 'closed':
        facts.closedAt = at;
        facts.closedSatisfied = e.data.satisfied === true;
        break;
      case 'reopened':
        facts.resolvedAt = undefined;
        facts.closedAt = undefined;
        facts.closedSatisfied = false;
        break;
      case 'category_set':
        lastCategory = e.data.category;
        break;
      case 'outcome_recorded':
        if (typeof e.data.csat === 'number') facts.csat = { value: e.data.csat, at };
        if (typeof e.data.nps === 'number') facts.nps = { value: e.data.nps, at };
        break;
      default:
        break;
    }
  }
  if (facts.receivedAt === undefined) facts.receivedAt = earliest;
  if (facts.firstResponseAt !== undefined && facts.receivedAt !== undefined && facts.firstResponseAt < facts.receivedAt) {
    facts.firstResponseAt = undefined; // a reply before the message it answers is not a response time
  }
  if (facts.category === undefined) facts.category = lastCategory;
  return facts;
}

export function isOpen(f: CaseFacts): boolean {
  return f.receivedAt !== undefined && f.resolvedAt === undefined && f.closedAt === undefined;
}
