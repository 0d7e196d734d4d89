import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseEvent, CaseEventType } from '../../../utils/cases/events';
import { CATEGORIES } from '../../../utils/cases/events';
import { addBusinessTimeMs, businessMinutesBetweenMs } from '../../../utils/calendar/business-time';
import { DAY, randomLogArb } from './random-logs';
import { evaluate, PRESETS, presetById } from '../../../utils/sla';
import type { SlaPolicy, SlaTarget, TargetName, TargetStatus } from '../../../utils/sla';

// A wait on the customer (awaiting_customer → customer_replied) must never bring a due time
// forward: one that takes no time on a target's clock leaves it as it is, one that takes time
// moves it later. sop-000, inquiry (no category set): acknowledge in 24 calendar hours; respond
// and resolve in 3 business days, pausing while waiting; Mon–Fri 09:00–17:00 Europe/London.
// London in winter is UTC: the instants below read as local time.
const sop000 = presetById('sop-000')!;

let seq = 0;
function ev(type: CaseEventType, at: string, data: Record<string, unknown> = {}): CaseEvent {
  seq++;
  return { id: `w${String(seq).padStart(4, '0')}`, caseId: 'c1', type, at, actor: 'agent', source: 'agent', data } as CaseEvent;
}

function run(events: CaseEvent[], now: string, p: SlaPolicy = sop000): Record<string, TargetStatus> {
  return Object.fromEntries(evaluate(events, p, new Date(now)).map((s) => [s.target, s]));
}
const get = (r: Record<string, TargetStatus>, name: TargetName) => r[name] as TargetStatus;

describe('evaluate: a wait outside business hours moves no business due time', () => {
  // Thursday 2026-12-03, 20:00: after hours. Three business days from the next opening (Fri 09:00)
  // is Wednesday 2026-12-09, 09:00.
  const received = () => ev('received', '2026-12-03T20:00:00.000Z');

  it('a wait begun and ended the same evening (the property-test example)', () => {
    const plain = [received()];
    const waited = [received(), ev('awaiting_customer', '2026-12-03T21:00:00.000Z'), ev('customer_replied', '2026-12-03T21:00:00.000Z')];
    for (const now of ['2026-12-03T21:00:00Z', '2026-12-07T12:00:00Z', '2026-12-08T18:00:00Z', '2026-12-09T10:00:00Z']) {
      expect(evaluate(waited, sop000, new Date(now))).toEqual(evaluate(plain, sop000, new Date(now)));
    }
    // Tuesday 18:00 is before the due time: nothing is breached but the 24-hour acknowledgement.
    const r = run(waited, '2026-12-08T18:00:00Z');
    expect(get(r, 'acknowledge')).toMatchObject({ state: 'breached', breachedAt: '2026-12-04T20:00:00.000Z' });
    for (const name of ['respond', 'resolve'] as const) {
      expect(get(r, name)).toMatchObject({ state: 'due_soon', dueAt: '2026-12-09T09:00:00.000Z', remainingMinutes: 0, pausedMinutes: 0 });
      expect(get(r, name).breachedAt).toBeUndefined();
    }
    expect(get(run(waited, '2026-12-09T09:00:00Z'), 'respond')).toMatchObject({ state: 'breached', breachedAt: '2026-12-09T09:00:00.000Z' });
  });

  it('a wait over part of the evening', () => {
    const waited = [received(), ev('awaiting_customer', '2026-12-03T21:00:00.000Z'), ev('customer_replied', '2026-12-03T23:30:00.000Z')];
    expect(get(run(waited, '2026-12-04T10:00:00Z'), 'resolve')).toMatchObject({ state: 'running', dueAt: '2026-12-09T09:00:00.000Z', pausedMinutes: 0 });
  });

  it('a wait from Friday evening into Saturday', () => {
    // Received Friday 09:00: due Wednesday 09:00 as well.
    const plain = [ev('received', '2026-12-04T09:00:00.000Z'), ev('acknowledged', '2026-12-04T09:30:00.000Z')];
    const waited = [...plain, ev('awaiting_customer', '2026-12-04T18:00:00.000Z'), ev('customer_replied', '2026-12-05T12:00:00.000Z')];
    for (const now of ['2026-12-05T12:00:00Z', '2026-12-08T17:30:00Z', '2026-12-09T09:30:00Z']) {
      expect(evaluate(waited, sop000, new Date(now))).toEqual(evaluate(plain, sop000, new Date(now)));
    }
    expect(get(run(waited, '2026-12-08T17:30:00Z'), 'resolve')).toMatchObject({ state: 'due_soon', dueAt: '2026-12-09T09:00:00.000Z', pausedMinutes: 0 });
  });

  it('still waiting over the weekend: paused, with the due time it had', () => {
    const waiting = [ev('received', '2026-12-04T09:00:00.000Z'), ev('awaiting_customer', '2026-12-04T18:00:00.000Z')];
    const r = run(waiting, '2026-12-05T12:00:00Z');
    for (const name of ['respond', 'resolve'] as const) {
      // Resumed now, the clock would run from Monday 09:00 with two business days left.
      expect(get(r, name)).toMatchObject({ state: 'paused', dueAt: '2026-12-09T09:00:00.000Z', remainingMinutes: 960, pausedMinutes: 0 });
    }
    // Waiting into Monday 10:00 takes an hour: due an hour later.
    expect(get(run(waiting, '2026-12-07T10:00:00Z'), 'resolve')).toMatchObject({ state: 'paused', dueAt: '2026-12-09T10:00:00.000Z', remainingMinutes: 960, pausedMinutes: 60 });
  });

  it('the calendar clock counts the night: a calendar target that pauses moves by the wait', () => {
    // sop-004: inquiries resolved within 24 calendar hours, pausing while waiting.
    const sop004 = presetById('sop-004')!;
    expect(sop004.targets.inquiry.resolve).toMatchObject({ clock: 'calendar', pausesWhileWaiting: true });
    const waited = [received(), ev('awaiting_customer', '2026-12-03T21:00:00.000Z'), ev('customer_replied', '2026-12-03T23:30:00.000Z')];
    expect(get(run(waited, '2026-12-04T10:00:00Z', sop004), 'resolve')).toMatchObject({ dueAt: '2026-12-04T22:30:00.000Z', pausedMinutes: 150 });
  });
});

describe('evaluate: a wait that takes business time', () => {
  it('moves the due time later by the business time waited', () => {
    // Received Thursday evening, due Wednesday 09:00; waiting Friday 16:00 → Monday 10:00 takes
    // two business hours (Fri 16–17, Mon 9–10): due Wednesday 11:00.
    const waited = [ev('received', '2026-12-03T20:00:00.000Z'), ev('awaiting_customer', '2026-12-04T16:00:00.000Z'), ev('customer_replied', '2026-12-07T10:00:00.000Z')];
    const r = run(waited, '2026-12-07T12:00:00Z');
    for (const name of ['respond', 'resolve'] as const) {
      expect(get(r, name)).toMatchObject({ state: 'running', dueAt: '2026-12-09T11:00:00.000Z', pausedMinutes: 120, remainingMinutes: 300 + 480 + 120 });
    }
  });

  it('a business-days target that waited whole business days is due that many days later, at the opening', () => {
    // Received Monday 09:00, due Thursday 09:00. A business day's wait (Mon 10:00 → Tue 10:00):
    // due Friday 09:00, not Thursday 17:00 (the same business-time reading, a night earlier).
    const waited = [ev('received', '2026-11-30T09:00:00.000Z'), ev('awaiting_customer', '2026-11-30T10:00:00.000Z'), ev('customer_replied', '2026-12-01T10:00:00.000Z')];
    expect(get(run(waited, '2026-12-03T17:30:00Z'), 'resolve')).toMatchObject({ state: 'due_soon', dueAt: '2026-12-04T09:00:00.000Z', pausedMinutes: 480, remainingMinutes: 0 });
    expect(get(run(waited, '2026-12-04T09:00:00Z'), 'resolve')).toMatchObject({ state: 'breached', breachedAt: '2026-12-04T09:00:00.000Z' });
  });

  it('an hours target landing on a closing stays due at the closing, as without a wait', () => {
    const respond: SlaTarget = { ...sop000.targets.inquiry.respond!, amount: 4, unit: 'hours' };
    const hours: SlaPolicy = { ...sop000, targets: { ...sop000.targets, inquiry: { respond } } };
    // Received Monday 12:00, due 16:00; an hour's wait: due 17:00.
    const waited = [ev('received', '2026-11-30T12:00:00.000Z'), ev('awaiting_customer', '2026-11-30T12:30:00.000Z'), ev('customer_replied', '2026-11-30T13:30:00.000Z')];
    expect(get(run(waited, '2026-11-30T14:00:00Z', hours), 'respond')).toMatchObject({ dueAt: '2026-11-30T17:00:00.000Z', pausedMinutes: 60 });
    // A night's wait takes no business time: still due 16:00... of the day it was.
    const night = [ev('received', '2026-11-30T12:00:00.000Z'), ev('awaiting_customer', '2026-11-30T18:00:00.000Z'), ev('customer_replied', '2026-12-01T08:00:00.000Z')];
    expect(get(run(night, '2026-12-01T08:30:00Z', hours), 'respond')).toMatchObject({ state: 'breached', dueAt: '2026-11-30T16:00:00.000Z', pausedMinutes: 0 });
  });
});

// ---- Properties ----

// Monday 2026-03-23; the logs run over about two weeks, across the switch to summer time (29 March).

const SPLIT: Array<[string, string]> = [
  ['09:00', '13:00'],
  ['14:00', '18:00'],
];
/** sop-000's targets on a calendar with a lunch break, Saturday mornings and a holiday, respond in business hours. */
const splitDay: SlaPolicy = {
  ...sop000,
  id: 'test-split-day',
  calendar: {
    timeZone: 'Europe/Madrid',
    week: { mon: SPLIT, tue: SPLIT, wed: SPLIT, thu: SPLIT, fri: SPLIT, sat: [['10:00', '12:00']] },
    holidays: ['2026-03-27'],
  },
  targets: Object.fromEntries(
    CATEGORIES.map((c) => [c, { ...sop000.targets[c], respond: { ...sop000.targets[c].respond!, amount: 6, unit: 'hours' as const } }]),
  ) as SlaPolicy['targets'],
};
const POLICIES = new Map<string, SlaPolicy>([...PRESETS, splitDay].map((p) => [p.id, p]));

let n = 0;
function event(type: CaseEventType, t: number, data: Record<string, unknown> = {}): CaseEvent {
  return { id: `01WAIT${String(++n).padStart(20, '0')}`, caseId: 'gmail:thread-1', type, at: new Date(t).toISOString(), actor: 'agent-ann', source: 'agent', data } as CaseEvent;
}

/** A received case, maybe categorised at once, then up to 10 events at non-decreasing times. */
const logArb = randomLogArb(10);

const timeOf = (e: CaseEvent) => Date.parse(e.at);

/**
 * Whether a wait inserted before log[i] is only a wait: no wait is open then (its reply would end
 * that one), and the case is not resolved or closed (the reply would reopen it).
 */
function onlyAWaitBefore(log: CaseEvent[], i: number): boolean {
  let open = false;
  let settled = false;
  for (const e of log.slice(0, i)) {
    if (e.type === 'awaiting_customer') open = true;
    if (e.type === 'customer_replied') {
      open = false;
      settled = false;
    }
    if (e.type === 'reopened') settled = false;
    if (e.type === 'resolved' || e.type === 'closed') settled = true;
  }
  return !open && !settled;
}

/** A share of a span: its ends often, to meet openings, closings and events exactly. */
const shareArb = fc.oneof(fc.constant(0), fc.constant(1), { arbitrary: fc.double({ min: 0, max: 1, noNaN: true }), weight: 3 });

interface WaitCase {
  log: CaseEvent[];
  /** A policy's id (the policy itself would fill a counterexample). */
  policyId: string;
  /** Where the two events go in the log, and their times. */
  index: number;
  start: number;
  end: number;
  now: number;
}

/**
 * A log, a policy and a wait [start, end] between two of the log's events (or before the first,
 * or after the last) where it is only a wait. With `offHours`, the wait holds no business time:
 * it ends no later than the first opening from its start (so it is empty when it starts in hours).
 * `now` is near the wait or anywhere over the log.
 */
function waitCaseArb(offHours: boolean): fc.Arbitrary<WaitCase> {
  return fc.tuple(logArb, fc.constantFrom(...POLICIES.keys())).chain(([log, policyId]) => {
    const policy = POLICIES.get(policyId)!;
    const eligible = log.map((_, i) => i).concat(log.length).filter((i) => onlyAWaitBefore(log, i));
    return fc.tuple(fc.constantFrom(...eligible), shareArb, shareArb).chain(([index, s1, s2]) => {
      const lo = index === 0 ? timeOf(log[0]!) - 2 * DAY : timeOf(log[index - 1]!);
      const hi = index === log.length ? timeOf(log[log.length - 1]!) + 5 * DAY : timeOf(log[index]!);
      const start = Math.round(lo + s1 * (hi - lo));
      const until = offHours ? Math.min(addBusinessTimeMs(start, 0, 'minutes', policy.calendar), hi) : hi;
      const end = Math.round(start + s2 * (until - start));
      const first = timeOf(log[0]!);
      const last = timeOf(log[log.length - 1]!);
      const nowArb = fc.oneof(
        fc.constantFrom(start, end, start + 1, end - 1, end + 1),
        fc.integer({ min: start, max: end + 7 * DAY }),
        fc.integer({ min: first - DAY, max: Math.max(last, end) + 10 * DAY }),
      );
      return nowArb.map((now) => ({ log, policyId, index, start, end, now }));
    });
  });
}

function withWait({ log, index, start, end }: WaitCase): CaseEvent[] {
  return [...log.slice(0, index), event('awaiting_customer', start), event('customer_replied', end), ...log.slice(index)];
}

/** Each target's status without and with the wait, by name. */
function compare(c: WaitCase): Array<[TargetName, TargetStatus, TargetStatus]> {
  const policy = POLICIES.get(c.policyId)!;
  const before = evaluate(c.log, policy, new Date(c.now));
  const after = evaluate(withWait(c), policy, new Date(c.now));
  expect(after.map((s) => s.target)).toEqual(before.map((s) => s.target));
  return before.map((s, i) => [s.target, s, after[i]!]);
}

function targetOf(c: WaitCase, name: TargetName): SlaTarget {
  let category = 'inquiry';
  for (const e of c.log) if (e.type === 'category_set' && timeOf(e) <= c.now) category = (e.data as { category: string }).category;
  return POLICIES.get(c.policyId)!.targets[category as keyof SlaPolicy['targets']][name]!;
}

describe('evaluate: waits never bring a due time forward (properties)', () => {
  it('a wait holding no business time leaves every business-clock due time as it was', () => {
    fc.assert(
      fc.property(waitCaseArb(true), (c) => {
        expect(businessMinutesBetweenMs(c.start, c.end, POLICIES.get(c.policyId)!.calendar)).toBe(0);
        for (const [name, before, after] of compare(c)) {
          const target = targetOf(c, name);
          if (target.clock === 'business' || !target.pausesWhileWaiting || c.start === c.end) {
            expect(after.dueAt).toBe(before.dueAt);
            expect(after.pausedMinutes).toBe(before.pausedMinutes);
          } else if (before.dueAt !== undefined && after.dueAt !== undefined) {
            // A calendar clock counts the night: the wait may move it, only later.
            expect(Date.parse(after.dueAt)).toBeGreaterThanOrEqual(Date.parse(before.dueAt));
          }
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('no wait makes a due time earlier, and one holding no time on the clock changes none', () => {
    fc.assert(
      fc.property(waitCaseArb(false), (c) => {
        for (const [name, before, after] of compare(c)) {
          if (before.dueAt === undefined || after.dueAt === undefined) continue;
          expect(Date.parse(after.dueAt)).toBeGreaterThanOrEqual(Date.parse(before.dueAt));
          const target = targetOf(c, name);
          if (!target.pausesWhileWaiting) expect(after.dueAt).toBe(before.dueAt);
          if (target.clock === 'business' && businessMinutesBetweenMs(c.start, c.end, POLICIES.get(c.policyId)!.calendar) === 0) expect(after.dueAt).toBe(before.dueAt);
        }
      }),
      { numRuns: 1500 },
    );
  });
});
