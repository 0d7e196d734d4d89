/**
 * A case's event log reduced to what the dashboard figures read ("marks"): a flat list of
 * number triples `[epoch ms, kind, value]` in time order (then event id), one triple per fact
 * an event carries. Small enough to keep per case beside the log (the `digests` store), so the
 * dashboard never has to read every event to show its figures.
 *
 * The first triple is always the earliest event of any type (kind FIRST): a case whose log has
 * no `received` event counts as received then. Events with an unreadable time are left out.
 */
import type { CaseEvent, Category } from '../cases/events';
import { CATEGORIES } from '../cases/events';
import { parseInstant } from './parse-instant';

export const MARK = {
  first: 0,
  received: 1,
  /** `acknowledged` or `responded`. */
  response: 2,
  resolved: 3,
  /** value 1 when the customer confirmed satisfaction, else 0. */
  closed: 4,
  reopened: 5,
  /** value: index in CATEGORIES. */
  category: 6,
  csat: 7,
  nps: 8,
} as const;

export type CaseMarks = number[];

/** Where appending may continue: the time and id of the last event taken in. */
export interface MarksEnd {
  at: number;
  id: string;
}

function push(marks: CaseMarks, at: number, kind: number, value: number): void {
  marks.push(at, kind, value);
}

/**
 * Appends one event's marks. The caller keeps time order: `at` (epoch ms) is not before the
 * last event already taken in.
 */
export function appendMarks(marks: CaseMarks, event: CaseEvent, at: number): void {
  if (marks.length === 0) push(marks, at, MARK.first, 0);
  switch (event.type) {
    case 'received':
      push(marks, at, MARK.received, 0);
      break;
    case 'acknowledged':
    case 'responded':
      push(marks, at, MARK.response, 0);
      break;
    case 'resolved':
      push(marks, at, MARK.resolved, 0);
      break;
    case 'closed':
      push(marks, at, MARK.closed, event.data.satisfied === true ? 1 : 0);
      break;
    case 'reopened':
      push(marks, at, MARK.reopened, 0);
      break;
    case 'category_set': {
      const index = CATEGORIES.indexOf(event.data.category);
      if (index >= 0) push(marks, at, MARK.category, index);
      break;
    }
    case 'outcome_recorded':
      if (typeof event.data.csat === 'number') push(marks, at, MARK.csat, event.data.csat);
      if (typeof event.data.nps === 'number') push(marks, at, MARK.nps, event.data.nps);
      break;
    default:
      break;
  }
}

/** Compares two events by time, then id (the order marks are made in). */
function before(aAt: number, aId: string, bAt: number, bId: string): boolean {
  return aAt < bAt || (aAt === bAt && aId < bId);
}

/** The marks of a whole log, in any order, and where it ends. */
export function caseMarksWithEnd(events: readonly CaseEvent[]): { marks: CaseMarks; end: MarksEnd | undefined } {
  const timed: Array<{ event: CaseEvent; at: number }> = [];
  let sorted = true;
  for (const event of events) {
    const at = parseInstant(event.at);
    if (Number.isNaN(at)) continue;
    const last = timed[timed.length - 1];
    if (last && before(at, event.id, last.at, last.event.id)) sorted = false;
    timed.push({ event, at });
  }
  if (!sorted) timed.sort((a, b) => a.at - b.at || (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0));
  const marks: CaseMarks = [];
  for (const { event, at } of timed) appendMarks(marks, event, at);
  const last = timed[timed.length - 1];
  return { marks, end: last ? { at: last.at, id: last.event.id } : undefined };
}

export function caseMarks(events: readonly CaseEvent[]): CaseMarks {
  return caseMarksWithEnd(events).marks;
}

/**
 * Appends `events` to marks that end at `end`, when every one of them comes after it (the usual
 * case: new events happen now). Returns the new end, or undefined when the log must be read
 * again from the start (an event older than the end arrived); `marks` is then left as it was.
 */
export function extendMarks(marks: CaseMarks, end: MarksEnd | undefined, events: readonly CaseEvent[]): MarksEnd | undefined | false {
  const timed: Array<{ event: CaseEvent; at: number }> = [];
  let last = end;
  for (const event of events) {
    const at = parseInstant(event.at);
    if (Number.isNaN(at)) continue;
    if (last && !before(last.at, last.id, at, event.id)) return false;
    timed.push({ event, at });
    last = { at, id: event.id };
  }
  for (const { event, at } of timed) appendMarks(marks, event, at);
  return last;
}

export function categoryOfMark(value: number): Category | undefined {
  return CATEGORIES[value];
}

/** Index of the first triple of `marks` whose time is after `at`; -1 when one has time `at`. */
function slotAfter(marks: CaseMarks, at: number): number {
  let lo = 0;
  let hi = marks.length / 3;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (marks[mid * 3]! <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && marks[(lo - 1) * 3] === at ? -1 : lo;
}

/**
 * Takes `events` into marks that end at `end`, wherever their times fall (a message read late
 * carries its own, older time). Returns the new end; or false, leaving `marks` as they were,
 * when an event's time equals that of an existing mark (their order would depend on event ids
 * the marks do not keep: the log must then be read again).
 */
export function insertMarks(marks: CaseMarks, end: MarksEnd | undefined, events: readonly CaseEvent[]): MarksEnd | undefined | false {
  const timed: Array<{ event: CaseEvent; at: number }> = [];
  for (const event of events) {
    const at = parseInstant(event.at);
    if (!Number.isNaN(at)) timed.push({ event, at });
  }
  timed.sort((a, b) => a.at - b.at || (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0));
  const out = [...marks];
  let last = end;
  let previousAt = Number.NaN;
  for (const { event, at } of timed) {
    // New events at one time go in id order, after each other; one at an existing mark's time cannot.
    const slot = at === previousAt ? -2 : slotAfter(out, at);
    if (slot === -1) return false;
    const own: CaseMarks = [];
    appendMarks(own, event, at); // starts with a FIRST triple of its own
    if (out.length === 0 || at < out[0]!) {
      // The new earliest event: its FIRST triple replaces the old one.
      out.splice(0, out.length === 0 ? 0 : 3, ...own);
    } else {
      const at3 = slot === -2 ? insertAfterTime(out, at) : slot * 3;
      out.splice(at3, 0, ...own.slice(3));
    }
    previousAt = at;
    if (!last || before(last.at, last.id, at, event.id)) last = { at, id: event.id };
  }
  marks.length = 0;
  for (const m of out) marks.push(m);
  return last;
}

/** Position after every triple with time `at` (the events just taken in at that time). */
function insertAfterTime(marks: CaseMarks, at: number): number {
  let i = marks.length;
  while (i > 0 && marks[i - 3]! > at) i -= 3;
  return i;
}
