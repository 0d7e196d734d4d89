/**
 * The facts about one case that the dashboard figures are made of, read from its event log in
 * one pass over its marks (case-marks.ts). Events may come in any order (they are sorted by time,
 * then id).
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
import { caseMarks, categoryOfMark, MARK } from './case-marks';

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

/** A case as the figures read it: its log, or the marks made from it (see case-marks.ts). */
export interface FactsInput {
  caseId: string;
  agentId: string;
  category?: Category | undefined;
  events?: readonly CaseEvent[] | undefined;
  marks?: ArrayLike<number> | undefined;
}

/** `until` (epoch ms, optional): ignore events after it, to see the case as it stood then. */
export function caseFacts(input: FactsInput, until?: number): CaseFacts {
  const marks = input.marks ?? caseMarks(input.events ?? []);
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
  for (let i = 0; i < marks.length; i += 3) {
    const at = marks[i]!;
    if (until !== undefined && at > until) break;
    const value = marks[i + 2]!;
    switch (marks[i + 1]) {
      case MARK.first:
        earliest = at;
        break;
      case MARK.received:
        if (facts.receivedAt === undefined) facts.receivedAt = at;
        break;
      case MARK.response:
        if (facts.firstResponseAt === undefined) facts.firstResponseAt = at;
        break;
      case MARK.resolved:
        facts.resolvedAt = at;
        break;
      case MARK.closed:
        facts.closedAt = at;
        facts.closedSatisfied = value === 1;
        break;
      case MARK.reopened:
        facts.resolvedAt = undefined;
        facts.closedAt = undefined;
        facts.closedSatisfied = false;
        break;
      case MARK.category:
        lastCategory = categoryOfMark(value);
        break;
      case MARK.csat:
        facts.csat = { value, at };
        break;
      case MARK.nps:
        facts.nps = { value, at };
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
