/** The charts' day-by-day series, on the hand-checked week of dashboard-week.ts. */
import { describe, expect, it } from 'vitest';
import { computeDashboard } from '../../../utils/metrics/dashboard';
import { dailySeries, MAX_DAYS } from '../../../utils/metrics/daily-series';
import { dashboardCases, dashboardInput } from '../../../utils/metrics/dashboard-input';
import type { CaseEvent } from '../../../utils/cases/events';
import { FRIDAY_NOON, OFFICE, POLICY, WEEK } from './dashboard-week';

const cases = dashboardCases({ cases: WEEK, policy: POLICY }, FRIDAY_NOON);

describe('dailySeries', () => {
  it('one entry per day of the range; volume and SLA by day of receipt', () => {
    const s = dailySeries(dashboardInput(cases, OFFICE, { fromDate: '2026-03-02', toDate: '2026-03-06' }, FRIDAY_NOON), 'UTC');
    expect(s.days).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06']);
    expect(s.dayStarts[0]).toBe(Date.parse('2026-03-02T00:00:00Z'));
    expect(s.dayStarts[4]).toBe(Date.parse('2026-03-06T00:00:00Z'));
    expect(s.volume).toEqual({
      inquiry: [0, 0, 0, 1, 0],
      complaint: [2, 0, 0, 0, 0],
      support: [0, 0, 0, 0, 0],
      uncategorised: [0, 0, 0, 0, 0],
    });
    // Monday: A met 2, B breached 2; Thursday: C met 1
    expect(s.sla.met).toEqual([2, 0, 0, 1, 0]);
    expect(s.sla.breached).toEqual([2, 0, 0, 0, 0]);
    expect(s.sla.compliance).toEqual([0.5, null, null, 1, null]);
  });

  it('adds up to the team figures, with the same filters', () => {
    for (const form of [{}, { agents: ['ann'] }, { categories: ['complaint' as const] }, { fromDate: '2026-03-03' }]) {
      const input = dashboardInput(cases, OFFICE, form, FRIDAY_NOON);
      const s = dailySeries(input, 'UTC');
      const d = computeDashboard(input);
      for (const [category, n] of Object.entries(d.team.volumeByCategory)) {
        expect(s.volume[category as keyof typeof s.volume].reduce((a, b) => a + b, 0)).toBe(n);
      }
      expect(s.sla.met.reduce((a, b) => a + b, 0)).toBe(d.team.sla.reduce((a, x) => a + x.met, 0));
      expect(s.sla.breached.reduce((a, b) => a + b, 0)).toBe(d.team.breaches);
    }
  });

  it('without a start, the days begin at the first receipt', () => {
    const s = dailySeries(dashboardInput(cases, OFFICE, {}, FRIDAY_NOON), 'UTC');
    expect(s.days[0]).toBe('2026-03-02');
    expect(s.days.at(-1)).toBe('2026-03-06');
  });

  it('days are local days of the zone given', () => {
    const late: CaseEvent = { id: 'L1', caseId: 'gmail:L', type: 'received', at: '2026-07-01T23:30:00.000Z', actor: 'customer', source: 'auto', data: {} };
    const one = [{ caseId: 'gmail:L', agentId: 'ann', events: [late] }];
    const now = Date.parse('2026-07-03T12:00:00Z');
    expect(dailySeries({ cases: one, now }, 'Europe/Madrid').days).toEqual(['2026-07-02', '2026-07-03']);
    expect(dailySeries({ cases: one, now }, 'Europe/Madrid').volume.uncategorised).toEqual([1, 0]);
    expect(dailySeries({ cases: one, now }, 'UTC').volume.uncategorised).toEqual([1, 0, 0]);
  });

  it('no cases: a single empty day at the end of the range; very long ranges keep the latest days', () => {
    const empty = dailySeries({ cases: [], now: FRIDAY_NOON }, 'UTC');
    expect(empty.days).toEqual(['2026-03-06']);
    expect(empty.sla.compliance).toEqual([null]);
    const long = dailySeries({ cases: [], filters: { from: '2020-01-01T00:00:00Z', to: '2026-03-06T00:00:00Z' } }, 'UTC');
    expect(long.days.length).toBe(MAX_DAYS);
    expect(long.days.at(-1)).toBe('2026-03-05');
  });
});
