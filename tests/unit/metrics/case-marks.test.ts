import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseEvent, CaseEventType, Category } from '../../../utils/cases/events';
import { CATEGORIES } from '../../../utils/cases/events';
import type { CaseFacts } from '../../../utils/metrics/case-facts';
import { caseFacts } from '../../../utils/metrics/case-facts';
import type { CaseMarks, MarksEnd } from '../../../utils/metrics/case-marks';
import { caseMarks, caseMarksWithEnd, extendMarks, insertMarks, MARK } from '../../../utils/metrics/case-marks';
import { parseInstant } from '../../../utils/metrics/parse-instant';

// ---------------------------------------------------------------------------------------------
// The oracle: caseFacts as it was before marks (git HEAD), reading the event log straight. Kept
// here unchanged but for its name and signature, so that the fold over marks can be checked
// against the plain reading of the log.
// ---------------------------------------------------------------------------------------------

/** Reused between calls (referenceFacts is synchronous): no allocation per case. */
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

function referenceFacts(
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

// ---------------------------------------------------------------------------------------------
// Random logs
// ---------------------------------------------------------------------------------------------

const CASE = 'gmail:thread-1';
const BASE = Date.parse('2026-03-02T09:00:00.000Z');
const MINUTE = 60_000;

/** Every event type (a Record, so that a new type added to events.ts must be listed here). */
const TYPES = Object.keys({
  received: 1,
  customer_replied: 1,
  acknowledged: 1,
  responded: 1,
  awaiting_customer: 1,
  escalated: 1,
  escalation_updated: 1,
  resolved: 1,
  followed_up: 1,
  closed: 1,
  reopened: 1,
  category_set: 1,
  template_inserted: 1,
  outcome_recorded: 1,
  claimed: 1,
  assigned: 1,
  handed_on: 1,
  released: 1,
} satisfies Record<CaseEventType, 1>) as CaseEventType[];

const dataArb: { [T in CaseEventType]?: fc.Arbitrary<unknown> } = {
  escalated: fc.constant({ reason: 'Needs a refund above my limit', to: 'Billing team' }),
  resolved: fc.constant({ code: 'answered', summary: 'Answered' }),
  template_inserted: fc.constant({ templateId: 'ack' }),
  // `satisfied` is required by the type, but logs from older versions may lack it.
  closed: fc.record({ satisfied: fc.boolean() }, { requiredKeys: [] }),
  category_set: fc.record({ category: fc.constantFrom(...CATEGORIES), by: fc.constantFrom('agent' as const, 'classifier' as const) }),
  claimed: fc.constant({ by: 'ann' }),
  assigned: fc.record({ by: fc.constant('lea'), owner: fc.constantFrom('ann', 'bob') }, { requiredKeys: ['by'] }),
  handed_on: fc.constant({ by: 'ann', owner: 'bob' }),
  released: fc.constant({ by: 'ann' }),
  outcome_recorded: fc.record({ csat: fc.integer({ min: 1, max: 5 }), nps: fc.integer({ min: 0, max: 10 }) }, { requiredKeys: [] }),
};

/** An event of any type at BASE + 0…20 minutes (so equal times are common), in either ISO form. */
const eventArb = fc
  .record({ type: fc.constantFrom(...TYPES), minute: fc.integer({ min: 0, max: 20 }), seconds: fc.constantFrom(0, 0, 0, 30), short: fc.boolean() })
  .chain(({ type, minute, seconds, short }) => {
    const iso = new Date(BASE + minute * MINUTE + seconds * 1000).toISOString();
    return (dataArb[type] ?? fc.constant({})).map((data) => ({ type, at: short ? iso.replace(/\.\d{3}Z$/, 'Z') : iso, data }));
  });

/** Unique ids from a small alphabet, so that the id order is random against the time order. */
const idsArb = (n: number) => fc.uniqueArray(fc.string({ unit: fc.constantFrom('0', '1', '7', 'A', 'Z', 'a'), minLength: 1, maxLength: 4 }), { minLength: n, maxLength: n });

/** 0–12 events of random types at random times, with unique ids, in random order. */
const logArb: fc.Arbitrary<CaseEvent[]> = fc
  .array(eventArb, { maxLength: 12 })
  .chain((parts) => idsArb(parts.length).map((ids) => parts.map((p, i) => ({ id: ids[i]!, caseId: CASE, actor: 'agent-ann', source: 'agent', ...p }) as CaseEvent)));

/** undefined, or a moment around the log's range: on the minute (often an event's time) or anywhere. */
const untilArb = fc.oneof(
  fc.constant(undefined),
  fc.integer({ min: -2, max: 22 }).map((m) => BASE + m * MINUTE),
  fc.integer({ min: BASE - 2 * MINUTE, max: BASE + 22 * MINUTE }),
);

const categoryArb = fc.option(fc.constantFrom(...CATEGORIES), { nil: undefined });

const UNREADABLE = ['not a date', '', '2026-02-30T09:00:00Z', '2026-03-02T25:00:00.000Z'];

/** Sorted by time, then id: the order marks are made in. */
function timeOrdered(events: readonly CaseEvent[]): CaseEvent[] {
  return [...events].sort((a, b) => parseInstant(a.at) - parseInstant(b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

let seq = 0;
function ev(type: CaseEventType, at: string, data: Record<string, unknown> = {}): CaseEvent {
  seq++;
  return { id: `e${String(seq).padStart(4, '0')}`, caseId: CASE, type, at, actor: 'agent-ann', source: 'agent', data } as CaseEvent;
}

const T = (hhmm: string) => `2026-03-02T${hhmm}:00.000Z`;
const ms = (hhmm: string) => Date.parse(T(hhmm));
const facts = (events: CaseEvent[], until?: number, category?: Category) => caseFacts({ caseId: CASE, agentId: 'ann', category, events }, until);

// ---------------------------------------------------------------------------------------------

describe('caseFacts over marks agrees with the straight reading of the log', () => {
  it('from the events and from caseMarks(events), for any log and any `until`', () => {
    fc.assert(
      fc.property(logArb, untilArb, categoryArb, (events, until, category) => {
        const expected = referenceFacts({ caseId: CASE, agentId: 'ann', category, events }, until);
        expect(caseFacts({ caseId: CASE, agentId: 'ann', category, events }, until)).toEqual(expected);
        expect(caseFacts({ caseId: CASE, agentId: 'ann', category, marks: caseMarks(events) }, until)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('events with an unreadable time change nothing', () => {
    const withUnreadable = logArb.chain((events) =>
      fc.tuple(fc.constant(events), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...UNREADABLE)), { maxLength: 4 })).map(([events, spoil]) => {
        const spoilt = events.map((e) => ({ ...e }));
        for (const [i, at] of spoil) if (spoilt.length > 0) spoilt[i % spoilt.length]!.at = at;
        return spoilt;
      }),
    );
    fc.assert(
      fc.property(withUnreadable, untilArb, (events, until) => {
        const readable = events.filter((e) => !Number.isNaN(parseInstant(e.at)));
        expect(caseMarks(events)).toEqual(caseMarks(readable));
        expect(caseFacts({ caseId: CASE, agentId: 'ann', events }, until)).toEqual(referenceFacts({ caseId: CASE, agentId: 'ann', events: readable }, until));
      }),
      { numRuns: 300 },
    );
  });

  it('marks are triples in time order whatever the order of the log', () => {
    fc.assert(
      fc.property(logArb, (events) => {
        const { marks, end } = caseMarksWithEnd(events);
        expect(marks.length % 3).toBe(0);
        expect(caseMarks([...events].reverse())).toEqual(marks);
        expect(caseMarks(timeOrdered(events))).toEqual(marks);
        for (let i = 3; i < marks.length; i += 3) expect(marks[i]!).toBeGreaterThanOrEqual(marks[i - 3]!);
        if (events.length === 0) {
          expect(marks).toEqual([]);
          expect(end).toBeUndefined();
        } else {
          const last = timeOrdered(events).at(-1)!;
          expect(end).toEqual({ at: parseInstant(last.at), id: last.id });
          expect(marks.slice(0, 3)).toEqual([parseInstant(timeOrdered(events)[0]!.at), MARK.first, 0]);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('extendMarks', () => {
  it('marks of a prefix extended by the rest, in any number of steps, are the marks of the whole log', () => {
    fc.assert(
      fc.property(logArb, fc.array(fc.nat(), { maxLength: 3 }), (events, cutsRaw) => {
        const ordered = timeOrdered(events);
        const cuts = [...new Set(cutsRaw.map((c) => c % (ordered.length + 1)))].sort((a, b) => a - b);
        const first = cuts[0] ?? ordered.length;
        let { marks, end } = caseMarksWithEnd(ordered.slice(0, first));
        marks = [...marks];
        let from = first;
        for (const to of [...cuts.slice(1), ordered.length]) {
          const next = extendMarks(marks, end, ordered.slice(from, to));
          expect(next).not.toBe(false);
          end = next as MarksEnd | undefined;
          from = to;
        }
        const whole = caseMarksWithEnd(events);
        expect(marks).toEqual(whole.marks);
        expect(end).toEqual(whole.end);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses an event at or before the end, leaving the marks as they were', () => {
    fc.assert(
      fc.property(
        logArb.filter((events) => events.length > 0),
        fc.nat(),
        fc.array(eventArb, { maxLength: 3 }),
        fc.nat(),
        (events, pick, laterParts, position) => {
          const { marks, end } = caseMarksWithEnd(events);
          const before: CaseMarks = [...marks];
          // A stale event: one already in the log (at or before the end), under a new id that
          // sorts no later than the end's when the time is the end's own.
          const old = events[pick % events.length]!;
          const stale = { ...old, id: parseInstant(old.at) === end!.at ? end!.id.slice(0, -1) : `${old.id}-late` } as CaseEvent;
          // Others that come after the end, as a normal batch would.
          const later = laterParts.map((p, i) => ({ id: `zzzz${i}`, caseId: CASE, actor: 'agent-ann', source: 'agent', ...p, at: new Date(end!.at + (i + 1) * MINUTE).toISOString() }) as CaseEvent);
          const batch = [...later];
          batch.splice(position % (later.length + 1), 0, stale);
          expect(extendMarks(marks, end, batch)).toBe(false);
          expect(marks).toEqual(before);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses new events out of order among themselves, leaving the marks as they were', () => {
    const marks: CaseMarks = caseMarks([ev('received', T('09:00'))]);
    const before = [...marks];
    const end = caseMarksWithEnd([ev('received', T('09:00'))]).end;
    expect(extendMarks(marks, end, [ev('responded', T('09:20')), ev('resolved', T('09:10'))])).toBe(false);
    expect(marks).toEqual(before);
  });

  it('refuses an event with the end’s own time and id', () => {
    const log = [ev('received', T('09:00'))];
    const { marks, end } = caseMarksWithEnd(log);
    expect(extendMarks(marks, end, [log[0]!])).toBe(false);
    expect(marks).toEqual([ms('09:00'), MARK.first, 0, ms('09:00'), MARK.received, 0]);
  });

  it('takes an event at the end’s time with a later id; skips unreadable times; keeps the end when nothing is new', () => {
    const a = { ...ev('received', T('09:00')), id: 'a' } as CaseEvent;
    const b = { ...ev('acknowledged', T('09:00')), id: 'b' } as CaseEvent;
    const { marks, end } = caseMarksWithEnd([a]);
    expect(extendMarks(marks, end, [])).toEqual({ at: ms('09:00'), id: 'a' });
    expect(extendMarks(marks, end, [ev('resolved', 'not a date'), b])).toEqual({ at: ms('09:00'), id: 'b' });
    expect(marks).toEqual(caseMarks([a, b]));
  });

  it('starts from nothing: no end and empty marks', () => {
    const marks: CaseMarks = [];
    const log = [ev('responded', T('09:05')), ev('received', T('09:00'))];
    expect(extendMarks(marks, undefined, log)).toBe(false); // out of order among themselves
    expect(marks).toEqual([]);
    expect(extendMarks(marks, undefined, timeOrdered(log))).toEqual(caseMarksWithEnd(log).end);
    expect(marks).toEqual(caseMarks(log));
  });
});

describe('caseMarks and caseFacts by example', () => {
  it('a log without `received` counts as received at its earliest event', () => {
    const log = [ev('resolved', T('11:00')), ev('responded', T('10:00'))];
    expect(caseMarks(log)).toEqual([ms('10:00'), MARK.first, 0, ms('10:00'), MARK.response, 0, ms('11:00'), MARK.resolved, 0]);
    expect(facts(log)).toMatchObject({ receivedAt: ms('10:00'), firstResponseAt: ms('10:00'), resolvedAt: ms('11:00') });
  });

  it('an event with an unreadable time is left out', () => {
    const log = [ev('received', 'not a date'), ev('received', T('09:30')), ev('responded', '2026-02-30T09:00:00Z')];
    expect(caseMarks(log)).toEqual([ms('09:30'), MARK.first, 0, ms('09:30'), MARK.received, 0]);
    expect(facts(log)).toMatchObject({ receivedAt: ms('09:30'), firstResponseAt: undefined });
    expect(caseMarksWithEnd([ev('received', 'not a date')])).toEqual({ marks: [], end: undefined });
    expect(facts([ev('received', 'not a date')]).receivedAt).toBeUndefined();
  });

  it('a reply before the message it answers is no response time', () => {
    expect(facts([ev('acknowledged', T('08:00')), ev('received', T('09:00'))])).toMatchObject({ receivedAt: ms('09:00'), firstResponseAt: undefined });
  });

  it('reopening clears resolution and closure; `until` sees the case as it stood then', () => {
    const log = [
      ev('received', T('09:00')),
      ev('resolved', T('10:00')),
      ev('closed', T('10:30'), { satisfied: true }),
      ev('reopened', T('11:00')),
      ev('resolved', T('12:00')),
    ];
    expect(facts(log)).toMatchObject({ resolvedAt: ms('12:00'), closedAt: undefined, closedSatisfied: false });
    expect(facts(log, ms('10:45'))).toMatchObject({ resolvedAt: ms('10:00'), closedAt: ms('10:30'), closedSatisfied: true });
    expect(facts(log, ms('11:00'))).toMatchObject({ resolvedAt: undefined, closedAt: undefined });
    expect(facts(log, ms('08:59')).receivedAt).toBeUndefined();
  });

  it('category: the case’s own, else the last set; satisfaction: the last recorded', () => {
    const log = [
      ev('received', T('09:00')),
      ev('category_set', T('09:00'), { category: 'complaint', by: 'classifier' }),
      ev('category_set', T('09:10'), { category: 'support', by: 'agent' }),
      ev('outcome_recorded', T('10:00'), { csat: 2, nps: 3 }),
      ev('outcome_recorded', T('10:05'), { csat: 5 }),
    ];
    expect(facts(log)).toMatchObject({ category: 'support', csat: { value: 5, at: ms('10:05') }, nps: { value: 3, at: ms('10:00') } });
    expect(facts(log, undefined, 'inquiry').category).toBe('inquiry');
    expect(facts(log, ms('09:05')).category).toBe('complaint');
  });

  it('equal times are ordered by id', () => {
    const a = { ...ev('closed', T('10:00'), { satisfied: true }), id: 'b' } as CaseEvent;
    const b = { ...ev('reopened', T('10:00')), id: 'a' } as CaseEvent;
    // reopened (id a) comes first, then closed (id b): the case stays closed.
    expect(facts([ev('received', T('09:00')), a, b])).toMatchObject({ closedAt: ms('10:00'), closedSatisfied: true });
  });
});

describe('insertMarks', () => {
  it('marks of part of a log with the rest taken in, wherever its times fall, are the marks of the whole log (or it refuses on a tie)', () => {
    let taken = 0;
    fc.assert(
      fc.property(logArb, fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), (events, late) => {
        const base = events.filter((_, i) => !late[i]);
        const rest = events.filter((_, i) => late[i]);
        const { marks: built, end } = caseMarksWithEnd(base);
        const marks = [...built];
        const result = insertMarks(marks, end, rest);
        if (result === false) {
          expect(marks).toEqual(built); // refused: left as it was
          return;
        }
        taken++;
        const whole = caseMarksWithEnd(events);
        expect(marks).toEqual(whole.marks);
        expect(result).toEqual(whole.end);
      }),
      { numRuns: 1000 },
    );
    expect(taken).toBeGreaterThan(100); // most inserts succeed: the property is not vacuous
  });

  it('takes a message read late into a long log without reading it again', () => {
    const log = [ev('received', T('09:00')), ev('acknowledged', T('09:05')), ev('customer_replied', T('10:00')), ev('resolved', T('11:00'))];
    const { marks, end } = caseMarksWithEnd(log);
    const lateReply = ev('reopened', T('10:30'));
    const copy = [...marks];
    expect(insertMarks(copy, end, [lateReply])).toEqual(end);
    expect(copy).toEqual(caseMarks([...log, lateReply]));
    // An earlier event than all: it becomes the first.
    const earlier = ev('template_inserted', T('08:59'));
    expect(insertMarks(copy, end, [earlier])).toEqual(end);
    expect(copy).toEqual(caseMarks([...log, lateReply, earlier]));
    // At the time of an existing mark: refused.
    expect(insertMarks(copy, end, [ev('closed', T('09:05'), { satisfied: true })])).toBe(false);
  });
});
