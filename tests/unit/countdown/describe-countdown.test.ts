import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../../../utils/calendar/types';
import { describeCountdown, formatDueTime } from '../../../utils/countdown/describe-countdown';
import type { TargetStatus } from '../../../utils/sla/types';

const cal: BusinessCalendar = {
  timeZone: 'Europe/London',
  week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] },
  holidays: [],
};
const opts = { timeZone: 'Europe/London', dueSoonShare: 0.25 };
const base: TargetStatus = { target: 'resolve', state: 'running', clock: 'business', source: 'test' };

describe('describeCountdown', () => {
  it('counts business time left, not wall time, across a night', () => {
    // Started Wed 09:00, due Thu 17:00 (16 business hours). At Wed 16:00: 1 h today + 8 h Thursday left.
    const s = { ...base, startedAt: '2026-11-25T09:00:00Z', dueAt: '2026-11-26T17:00:00Z' };
    const d = describeCountdown(s, new Date('2026-11-25T16:00:00Z'), cal, opts);
    expect(d.remainingMinutes).toBe(9 * 60);
    expect(d.remainingText).toBe('9 h 00 min left');
    expect(d.state).toBe('running');
    expect(d.tone).toBe('ok');
    expect(d.dueText).toBe(formatDueTime('2026-11-26T17:00:00Z', 'Europe/London'));
  });

  it('turns due soon in the last share of the target, and breached when the due time passes', () => {
    const s = { ...base, startedAt: '2026-11-25T09:00:00Z', dueAt: '2026-11-26T17:00:00Z' };
    // 16 business hours in all: due soon at 4 h left (Thu 13:00).
    expect(describeCountdown(s, new Date('2026-11-26T12:59:00Z'), cal, opts).state).toBe('running');
    const soon = describeCountdown(s, new Date('2026-11-26T13:00:00Z'), cal, opts);
    expect(soon.state).toBe('due_soon');
    expect(soon.tone).toBe('warn');
    const late = describeCountdown(s, new Date('2026-11-27T09:45:00Z'), cal, opts);
    expect(late.state).toBe('breached');
    expect(late.remainingText).toBe('45 min overdue');
    expect(late.remainingMinutes).toBe(-45);
  });

  it('uses wall time for a calendar clock', () => {
    const s: TargetStatus = { ...base, target: 'acknowledge', clock: 'calendar', startedAt: '2026-11-28T10:00:00Z', dueAt: '2026-11-29T10:00:00Z' };
    const d = describeCountdown(s, new Date('2026-11-28T22:30:00Z'), cal, opts); // a Saturday night still counts
    expect(d.remainingText).toBe('11 h 30 min left');
  });

  it('shows paused, met, met late and not started in words', () => {
    expect(describeCountdown({ ...base, state: 'paused', remainingMinutes: 125, dueAt: '2026-11-26T17:00:00Z' }, new Date(), cal, opts)).toMatchObject({ state: 'paused', tone: 'muted', remainingText: '2 h 05 min left when resumed' });
    expect(describeCountdown({ ...base, state: 'met', metAt: '2026-11-25T10:00:00Z' }, new Date(), cal, opts)).toMatchObject({ state: 'met', tone: 'done' });
    expect(describeCountdown({ ...base, state: 'breached', dueAt: '2026-11-25T10:00:00Z', metAt: '2026-11-25T11:00:00Z' }, new Date(), cal, opts).remainingText).toMatch(/^met late/);
    expect(describeCountdown({ ...base, state: 'not_started' }, new Date(), cal, opts)).toMatchObject({ state: 'not_started', remainingText: 'not started' });
  });
});
