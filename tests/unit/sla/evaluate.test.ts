import { describe, expect, it } from 'vitest';
import type { CaseEvent, CaseEventType } from '../../../utils/cases/events';
import { evaluate, nextDeadline } from '../../../utils/sla';
import type { SlaPolicy, SlaTarget, TargetName, TargetStatus } from '../../../utils/sla';

// Europe/London in winter is UTC: the instants below read as local time. 2026-11-30 is a Monday.
const calendar = {
  timeZone: 'Europe/London',
  week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] },
  holidays: [],
} as SlaPolicy['calendar'];

const t = (amount: number, unit: SlaTarget['unit'], clock: SlaTarget['clock'], startOn: CaseEventType[], metBy: CaseEventType[], pausesWhileWaiting: boolean): SlaTarget => ({
  amount,
  unit,
  clock,
  startOn,
  metBy,
  pausesWhileWaiting,
  source: `test: ${amount} ${unit}`,
});

const policy: SlaPolicy = {
  id: 'test',
  name: 'Test policy',
  source: 'tests',
  calendar,
  dueSoonShare: 0.25,
  usesNps: false,
  followUpsBeforeClose: 1,
  targets: {
    inquiry: {
      acknowledge: t(60, 'minutes', 'business', ['received'], ['acknowledged', 'responded', 'resolved'], false),
      respond: t(4, 'hours', 'business', ['received'], ['responded', 'resolved'], true),
      resolve: t(2, 'days', 'business', ['received'], ['resolved'], true),
      followUp: t(24, 'hours', 'calendar', ['resolved'], ['followed_up'], false),
      escalationUpdate: t(24, 'hours', 'calendar', ['escalated'], ['escalation_updated'], false),
    },
    complaint: {
      acknowledge: t(24, 'hours', 'calendar', ['received'], ['acknowledged', 'responded', 'resolved'], false),
      resolve: t(5, 'days', 'business', ['received'], ['resolved'], true),
    },
    support: {
      resolve: t(3, 'days', 'business', ['received'], ['resolved'], true),
    },
  },
};

let seq = 0;
function ev(type: CaseEventType, at: string, data: Record<string, unknown> = {}): CaseEvent {
  seq++;
  return { id: `e${String(seq).padStart(4, '0')}`, caseId: 'c1', type, at, actor: 'agent', source: 'agent', data } as CaseEvent;
}

function run(events: CaseEvent[], now: string, p: SlaPolicy = policy): Record<string, TargetStatus> {
  return Object.fromEntries(evaluate(events, p, new Date(now)).map((s) => [s.target, s]));
}

const get = (r: Record<string, TargetStatus>, name: TargetName) => r[name] as TargetStatus;
const received = () => ev('received', '2026-11-30T09:00:00.000Z');

describe('evaluate: states', () => {
  it('reports every target as not started without events', () => {
    const statuses = evaluate([], policy, new Date('2026-11-30T10:00:00Z'));
    expect(statuses.map((s) => [s.target, s.state])).toEqual([
      ['acknowledge', 'not_started'],
      ['respond', 'not_started'],
      ['resolve', 'not_started'],
      ['followUp', 'not_started'],
      ['escalationUpdate', 'not_started'],
    ]);
    expect(statuses[0]?.source).toBe('test: 60 minutes');
    expect(statuses[0]?.dueAt).toBeUndefined();
  });

  it('runs the clocks from receipt, with due times and business time remaining', () => {
    const r = run([received()], '2026-11-30T09:30:00Z');
    expect(get(r, 'acknowledge')).toMatchObject({ state: 'running', clock: 'business', startedAt: '2026-11-30T09:00:00.000Z', dueAt: '2026-11-30T10:00:00.000Z', remainingMinutes: 30 });
    expect(get(r, 'respond')).toMatchObject({ state: 'running', dueAt: '2026-11-30T13:00:00.000Z', remainingMinutes: 210, pausedMinutes: 0 });
    expect(get(r, 'resolve')).toMatchObject({ state: 'running', dueAt: '2026-12-02T09:00:00.000Z', remainingMinutes: 7.5 * 60 + 8 * 60 });
    expect(get(r, 'followUp').state).toBe('not_started');
    expect(get(r, 'escalationUpdate').state).toBe('not_started');
  });

  it('is due soon in the last share of the target', () => {
    expect(get(run([received()], '2026-11-30T09:44:00Z'), 'acknowledge')).toMatchObject({ state: 'running', remainingMinutes: 16 });
    expect(get(run([received()], '2026-11-30T09:45:00Z'), 'acknowledge')).toMatchObject({ state: 'due_soon', remainingMinutes: 15 });
    // Two business days = 960 minutes; due soon from 240 left (Tue 13:00).
    expect(get(run([received()], '2026-12-01T12:59:00Z'), 'resolve').state).toBe('running');
    expect(get(run([received()], '2026-12-01T13:00:00Z'), 'resolve')).toMatchObject({ state: 'due_soon', remainingMinutes: 240 });
  });

  it('breaches at the due time with negative remaining time', () => {
    const r = run([received()], '2026-11-30T10:30:00Z');
    expect(get(r, 'acknowledge')).toMatchObject({ state: 'breached', breachedAt: '2026-11-30T10:00:00.000Z', remainingMinutes: -30 });
    expect(get(r, 'acknowledge').metAt).toBeUndefined();
    // Overdue time counts business time only: Monday 10:00 → Tuesday 09:30 is 7.5 business hours.
    expect(get(run([received()], '2026-12-01T09:30:00Z'), 'acknowledge').remainingMinutes).toBe(-450);
  });

  it('is met by a meeting event in time', () => {
    const r = run([received(), ev('acknowledged', '2026-11-30T09:40:00.000Z')], '2026-11-30T11:00:00Z');
    expect(get(r, 'acknowledge')).toMatchObject({ state: 'met', metAt: '2026-11-30T09:40:00.000Z', dueAt: '2026-11-30T10:00:00.000Z' });
    expect(get(r, 'acknowledge').remainingMinutes).toBeUndefined();
    expect(get(r, 'acknowledge').breachedAt).toBeUndefined();
    const answered = run([received(), ev('responded', '2026-11-30T09:40:00.000Z')], '2026-11-30T11:00:00Z');
    expect(get(answered, 'acknowledge').state).toBe('met');
    expect(get(answered, 'respond').state).toBe('met');
  });

  it('met late is breached, with both breachedAt and metAt', () => {
    const r = run([received(), ev('acknowledged', '2026-11-30T10:10:00.000Z')], '2026-11-30T11:00:00Z');
    expect(get(r, 'acknowledge')).toMatchObject({ state: 'breached', breachedAt: '2026-11-30T10:00:00.000Z', metAt: '2026-11-30T10:10:00.000Z' });
  });

  it('counts calendar clocks through nights and weekends', () => {
    // Complaint acknowledgement: 24 calendar hours from Friday 16:00 is Saturday 16:00.
    const events = [ev('received', '2026-11-27T16:00:00.000Z'), ev('category_set', '2026-11-27T16:00:01.000Z', { category: 'complaint', by: 'classifier' })];
    const r = run(events, '2026-11-28T09:00:00Z');
    expect(get(r, 'acknowledge')).toMatchObject({ state: 'running', clock: 'calendar', dueAt: '2026-11-28T16:00:00.000Z', remainingMinutes: 420 });
    expect(get(r, 'resolve')).toMatchObject({ state: 'running', dueAt: '2026-12-04T16:00:00.000Z' });
  });
});

describe('evaluate: waiting on the customer', () => {
  const waiting = () => [received(), ev('awaiting_customer', '2026-11-30T10:00:00.000Z')];

  it('pauses the clocks that pause, not the others', () => {
    const r = run(waiting(), '2026-11-30T15:00:00Z');
    // Respond had 3 business hours left at 10:00; resumed now it would be due Tue 10:00.
    expect(get(r, 'respond')).toMatchObject({ state: 'paused', remainingMinutes: 180, pausedMinutes: 300, dueAt: '2026-12-01T10:00:00.000Z' });
    expect(get(r, 'resolve')).toMatchObject({ state: 'paused', pausedMinutes: 300 });
    expect(get(r, 'acknowledge')).toMatchObject({ state: 'breached', breachedAt: '2026-11-30T10:00:00.000Z' });
  });

  it('moves due times by the paused business time once the customer replies', () => {
    const r = run([...waiting(), ev('customer_replied', '2026-12-01T10:00:00.000Z')], '2026-12-01T11:00:00Z');
    expect(get(r, 'respond')).toMatchObject({ state: 'running', dueAt: '2026-12-01T13:00:00.000Z', pausedMinutes: 480, remainingMinutes: 120 });
    // Resolve (2 business days, due Wed 09:00) waited a whole business day: due a business day
    // later, Thu 09:00, the opening after Wed 17:00 (the same business-time reading).
    expect(get(r, 'resolve')).toMatchObject({ state: 'running', dueAt: '2026-12-03T09:00:00.000Z', pausedMinutes: 480 });
  });

  it('a pause that begins after the due time does not undo the breach', () => {
    const r = run([received(), ev('awaiting_customer', '2026-11-30T14:00:00.000Z')], '2026-11-30T15:00:00Z');
    expect(get(r, 'respond')).toMatchObject({ state: 'breached', breachedAt: '2026-11-30T13:00:00.000Z', pausedMinutes: 0 });
  });

  it('a target met while waiting is met', () => {
    const r = run([...waiting(), ev('resolved', '2026-11-30T16:00:00.000Z', { code: 'info', summary: 'sent' })], '2026-11-30T16:30:00Z');
    expect(get(r, 'resolve')).toMatchObject({ state: 'met', metAt: '2026-11-30T16:00:00.000Z', pausedMinutes: 360 });
  });
});

describe('evaluate: reopening', () => {
  const served = () => [
    received(),
    ev('responded', '2026-11-30T10:00:00.000Z'),
    ev('resolved', '2026-11-30T11:00:00.000Z', { code: 'done', summary: 'answered' }),
    ev('followed_up', '2026-12-01T09:00:00.000Z'),
  ];

  it('a customer reply after resolution restarts resolve, and keeps a met follow-up', () => {
    const r = run([...served(), ev('customer_replied', '2026-12-02T09:00:00.000Z')], '2026-12-02T10:00:00Z');
    expect(get(r, 'resolve')).toMatchObject({ state: 'running', startedAt: '2026-12-02T09:00:00.000Z', dueAt: '2026-12-04T09:00:00.000Z' });
    expect(get(r, 'followUp')).toMatchObject({ state: 'met', metAt: '2026-12-01T09:00:00.000Z' });
    expect(get(r, 'respond').state).toBe('met');
  });

  it('a new resolution starts a new follow-up', () => {
    const events = [...served(), ev('reopened', '2026-12-02T09:00:00.000Z'), ev('resolved', '2026-12-02T12:00:00.000Z', { code: 'done', summary: 'again' })];
    const r = run(events, '2026-12-02T13:00:00Z');
    expect(get(r, 'resolve')).toMatchObject({ state: 'met', startedAt: '2026-12-02T09:00:00.000Z', metAt: '2026-12-02T12:00:00.000Z' });
    expect(get(r, 'followUp')).toMatchObject({ state: 'running', startedAt: '2026-12-02T12:00:00.000Z', dueAt: '2026-12-03T12:00:00.000Z', remainingMinutes: 1380 });
  });

  it('reopening cancels a follow-up that was not yet due', () => {
    const events = [received(), ev('resolved', '2026-11-30T11:00:00.000Z', { code: 'x', summary: 'y' }), ev('reopened', '2026-11-30T15:00:00.000Z')];
    const r = run(events, '2026-11-30T16:00:00Z');
    expect(get(r, 'followUp').state).toBe('not_started');
    expect(get(r, 'resolve')).toMatchObject({ state: 'running', startedAt: '2026-11-30T15:00:00.000Z' });
  });

  it('a customer reply that is not after a resolution does not restart resolve', () => {
    const r = run([received(), ev('customer_replied', '2026-11-30T12:00:00.000Z')], '2026-11-30T13:00:00Z');
    expect(get(r, 'resolve').startedAt).toBe('2026-11-30T09:00:00.000Z');
  });
});

describe('evaluate: escalation updates recur', () => {
  const escalated = () => [received(), ev('escalated', '2026-11-30T10:00:00.000Z', { reason: 'refund', to: 'billing' })];

  it('starts with the escalation', () => {
    expect(get(run(escalated(), '2026-11-30T12:00:00Z'), 'escalationUpdate')).toMatchObject({ state: 'running', dueAt: '2026-12-01T10:00:00.000Z', remainingMinutes: 1320 });
  });

  it('after each update the next is due', () => {
    const events = [...escalated(), ev('escalation_updated', '2026-12-01T09:00:00.000Z')];
    expect(get(run(events, '2026-12-01T12:00:00Z'), 'escalationUpdate')).toMatchObject({ state: 'running', startedAt: '2026-12-01T09:00:00.000Z', dueAt: '2026-12-02T09:00:00.000Z' });
    expect(get(run(events, '2026-12-02T10:00:00Z'), 'escalationUpdate')).toMatchObject({ state: 'breached', breachedAt: '2026-12-02T09:00:00.000Z', remainingMinutes: -60 });
    const twice = [...events, ev('escalation_updated', '2026-12-02T08:00:00.000Z')];
    expect(get(run(twice, '2026-12-02T10:00:00Z'), 'escalationUpdate')).toMatchObject({ state: 'running', startedAt: '2026-12-02T08:00:00.000Z', dueAt: '2026-12-03T08:00:00.000Z' });
  });

  it('resolving ends the escalation and reports the last update', () => {
    const onTime = [...escalated(), ev('escalation_updated', '2026-12-01T09:00:00.000Z'), ev('resolved', '2026-12-01T12:00:00.000Z', { code: 'a', summary: 'b' })];
    expect(get(run(onTime, '2026-12-03T10:00:00Z'), 'escalationUpdate')).toMatchObject({ state: 'met', startedAt: '2026-11-30T10:00:00.000Z', metAt: '2026-12-01T09:00:00.000Z' });
    const late = [...escalated(), ev('escalation_updated', '2026-12-01T11:00:00.000Z'), ev('resolved', '2026-12-01T12:00:00.000Z', { code: 'a', summary: 'b' })];
    expect(get(run(late, '2026-12-03T10:00:00Z'), 'escalationUpdate')).toMatchObject({
      state: 'breached',
      breachedAt: '2026-12-01T10:00:00.000Z',
      metAt: '2026-12-01T11:00:00.000Z',
    });
  });

  it('resolving before any update leaves nothing owed', () => {
    const events = [...escalated(), ev('resolved', '2026-11-30T12:00:00.000Z', { code: 'a', summary: 'b' })];
    expect(get(run(events, '2026-12-03T10:00:00Z'), 'escalationUpdate').state).toBe('not_started');
  });
});

describe('evaluate: category, closing, order', () => {
  it('uses the last category_set, and inquiry when there is none', () => {
    const events = [received(), ev('category_set', '2026-11-30T09:00:01.000Z', { category: 'complaint', by: 'classifier' }), ev('category_set', '2026-11-30T09:05:00.000Z', { category: 'support', by: 'agent' })];
    const r = evaluate(events, policy, new Date('2026-11-30T10:00:00Z'));
    expect(r.map((s) => s.target)).toEqual(['resolve']);
    expect(r[0]?.dueAt).toBe('2026-12-03T09:00:00.000Z');
    expect(evaluate([received()], policy, new Date('2026-11-30T10:00:00Z'))).toHaveLength(5);
  });

  it('closing stops the clocks: not yet due no longer applies, overdue stays breached', () => {
    const early = run([received(), ev('acknowledged', '2026-11-30T09:10:00.000Z'), ev('closed', '2026-11-30T09:30:00.000Z', { satisfied: false, reason: 'spam' })], '2026-12-01T12:00:00Z');
    expect(get(early, 'respond').state).toBe('not_started');
    expect(get(early, 'acknowledge').state).toBe('met');
    const late = run([received(), ev('closed', '2026-11-30T14:00:00.000Z', { satisfied: false, reason: 'duplicate' })], '2026-12-01T12:00:00Z');
    expect(get(late, 'respond')).toMatchObject({ state: 'breached', breachedAt: '2026-11-30T13:00:00.000Z' });
  });

  it('sorts events by time and ignores events after now', () => {
    const events = [ev('acknowledged', '2026-11-30T09:40:00.000Z'), received(), ev('resolved', '2026-11-30T18:00:00.000Z', { code: 'a', summary: 'b' })];
    const r = run(events, '2026-11-30T11:00:00Z');
    expect(get(r, 'acknowledge').state).toBe('met');
    expect(get(r, 'resolve').state).toBe('running');
  });
});

describe('nextDeadline', () => {
  it('picks the nearest deadline still owed, overdue ones first', () => {
    const r = evaluate([received()], policy, new Date('2026-11-30T10:30:00Z'));
    expect(nextDeadline(r)?.target).toBe('acknowledge');
    const acked = evaluate([received(), ev('acknowledged', '2026-11-30T09:10:00.000Z')], policy, new Date('2026-11-30T10:30:00Z'));
    expect(nextDeadline(acked)?.target).toBe('respond');
  });

  it('skips met, paused and not started targets', () => {
    const waiting = evaluate([received(), ev('acknowledged', '2026-11-30T09:10:00.000Z'), ev('awaiting_customer', '2026-11-30T09:20:00.000Z')], policy, new Date('2026-11-30T10:30:00Z'));
    expect(nextDeadline(waiting)).toBeUndefined();
    expect(nextDeadline([])).toBeUndefined();
  });
});

describe('evaluate: when a running target turns due soon', () => {
  const MINUTE = 60_000;
  const cases: Array<[string, CaseEvent[], string]> = [
    ['an inquiry on Monday morning (business minutes, hours and days)', [received()], '2026-11-30T09:05:00.000Z'],
    ['an inquiry received on Friday afternoon (the due-soon instant falls after the weekend)', [ev('received', '2026-12-04T16:00:00.000Z')], '2026-12-04T16:10:00.000Z'],
    ['a complaint (a calendar-hours target beside a business-days one)', [ev('received', '2026-11-30T09:00:00.000Z'), ev('category_set', '2026-11-30T09:00:00.000Z', { category: 'complaint', by: 'agent' })], '2026-11-30T11:00:00.000Z'],
    ['after a wait for the customer that stopped the clock', [received(), ev('acknowledged', '2026-11-30T09:10:00.000Z'), ev('awaiting_customer', '2026-11-30T09:20:00.000Z'), ev('customer_replied', '2026-11-30T13:00:00.000Z')], '2026-11-30T13:05:00.000Z'],
  ];
  for (const [name, events, now] of cases) {
    it(`is stated, and evaluating just before and at it agrees: ${name}`, () => {
      const running = evaluate(events, policy, new Date(now)).filter((s) => s.state === 'running');
      expect(running.length).toBeGreaterThan(0);
      for (const s of running) {
        expect(s.dueSoonAt).toBeDefined();
        const at = Date.parse(s.dueSoonAt!);
        expect(at).toBeLessThan(Date.parse(s.dueAt!));
        const stateAt = (ms: number) => evaluate(events, policy, new Date(ms)).find((x) => x.target === s.target)?.state;
        expect(stateAt(at - MINUTE)).toBe('running');
        expect(stateAt(at)).toBe('due_soon');
      }
    });
  }

  it('is not stated for a target that is due soon, breached, met or paused', () => {
    const statuses = evaluate([received(), ev('acknowledged', '2026-11-30T09:10:00.000Z'), ev('awaiting_customer', '2026-11-30T09:20:00.000Z')], policy, new Date('2026-11-30T16:30:00Z'));
    for (const s of statuses.filter((x) => x.state !== 'running')) expect(s.dueSoonAt).toBeUndefined();
  });
});
