/** The dashboard page's adapter, on the hand-checked week of dashboard-week.ts. */
import { describe, expect, it } from 'vitest';
import { computeDashboard } from '../../../utils/metrics/dashboard';
import {
  agentChoices,
  businessMinutesOn,
  dashboardCases,
  dashboardInput,
  filtersFromForm,
  localDay,
  localMidnight,
} from '../../../utils/metrics/dashboard-input';
import { parseIsoDate } from '../../../utils/calendar/civil-date';
import { FRIDAY_NOON, OFFICE, POLICY, WEEK } from './dashboard-week';

const states = (c: { statuses?: ReadonlyArray<{ target: string; state: string }> | undefined }) => (c.statuses ?? []).map((s) => `${s.target}:${s.state}`);

describe('businessMinutesOn', () => {
  it('counts the calendar’s open hours only', () => {
    const minutes = businessMinutesOn(OFFICE);
    expect(minutes(new Date('2026-03-02T16:00:00Z'), new Date('2026-03-03T10:00:00Z'))).toBe(120);
    expect(minutes(new Date('2026-03-06T16:00:00Z'), new Date('2026-03-09T09:30:00Z'))).toBe(90); // over a weekend
    expect(minutes(new Date('2026-03-07T10:00:00Z'), new Date('2026-03-07T12:00:00Z'))).toBe(0); // Saturday
  });
});

describe('dashboardCases', () => {
  const cases = dashboardCases({ cases: WEEK, policy: POLICY }, FRIDAY_NOON);

  it('evaluates each case’s targets at now', () => {
    expect(cases.map((c) => c.caseId)).toEqual(['gmail:A', 'gmail:B', 'gmail:C']);
    expect(states(cases[0]!)).toEqual(['acknowledge:met', 'resolve:met']);
    expect(states(cases[2]!)).toEqual(['acknowledge:met']);
  });

  it('uses the record’s category when the log has none (complaint targets, not inquiry ones)', () => {
    expect(states(cases[1]!)).toEqual(['acknowledge:breached', 'resolve:breached']);
    // the case's own log is passed on untouched
    expect(cases[1]!.events).toBe(WEEK[1]!.events);
    expect(cases[1]!.category).toBe('complaint');
  });

  it('at an earlier moment the same case is still running', () => {
    const monday = dashboardCases({ cases: [WEEK[1]!], policy: POLICY }, Date.parse('2026-03-02T15:00:00Z'));
    expect(states(monday[0]!)).toEqual(['acknowledge:running', 'resolve:running']);
  });

  it('a case with no events has no statuses', () => {
    expect(dashboardCases({ cases: [{ caseId: 'gmail:Z', agentId: 'ann', events: [] }], policy: POLICY }, FRIDAY_NOON)[0]!.statuses).toEqual([]);
  });
});

describe('local days and the form’s filters', () => {
  it('local midnight and local day in a zone with summer time', () => {
    expect(new Date(localMidnight(parseIsoDate('2026-07-01')!, 'Europe/London')).toISOString()).toBe('2026-06-30T23:00:00.000Z');
    // the clocks go forward at 01:00 UTC on 2026-03-29: that day starts in GMT, the next in BST
    expect(new Date(localMidnight(parseIsoDate('2026-03-29')!, 'Europe/London')).toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(new Date(localMidnight(parseIsoDate('2026-03-30')!, 'Europe/London')).toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(localDay(Date.parse('2026-06-30T23:30:00Z'), 'Europe/London')).toBe(parseIsoDate('2026-07-01'));
    expect(localDay(Date.parse('2026-06-30T22:30:00Z'), 'Europe/London')).toBe(parseIsoDate('2026-06-30'));
  });

  it('from the first day’s midnight to the midnight after the last day', () => {
    const now = Date.parse('2026-08-01T00:00:00Z');
    expect(filtersFromForm({ fromDate: '2026-07-01', toDate: '2026-07-02', categories: ['complaint'], agents: ['ann'] }, 'Europe/London', now)).toEqual({
      from: '2026-06-30T23:00:00.000Z',
      to: '2026-07-02T23:00:00.000Z',
      categories: ['complaint'],
      agents: ['ann'],
    });
  });

  it('no dates: everything up to now; empty lists: no filter; a future end stops at now', () => {
    const now = Date.parse('2026-07-15T12:00:00Z');
    expect(filtersFromForm({ categories: [], agents: [] }, 'UTC', now)).toEqual({ from: undefined, to: '2026-07-15T12:00:00.000Z', categories: undefined, agents: undefined });
    expect(filtersFromForm({ fromDate: '2026-07-01', toDate: '2026-12-31' }, 'UTC', now).to).toBe('2026-07-15T12:00:00.000Z');
  });

  it('an end before the start gives an empty range; unreadable dates are ignored', () => {
    const now = Date.parse('2026-07-15T12:00:00Z');
    expect(filtersFromForm({ fromDate: '2026-07-10', toDate: '2026-07-01' }, 'UTC', now)).toMatchObject({ from: '2026-07-10T00:00:00.000Z', to: '2026-07-10T00:00:00.000Z' });
    expect(filtersFromForm({ fromDate: '2026-02-30', toDate: 'soon' }, 'UTC', now)).toMatchObject({ from: undefined, to: '2026-07-15T12:00:00.000Z' });
  });
});

describe('dashboardInput → computeDashboard', () => {
  const cases = dashboardCases({ cases: WEEK, policy: POLICY }, FRIDAY_NOON);

  it('the week’s figures in business time', () => {
    const d = computeDashboard(dashboardInput(cases, OFFICE, {}, FRIDAY_NOON));
    expect(d.team.cases).toBe(3);
    // first responses 60 (A) and 420 (C): median 240, p90 at rank 0.9 → 60 + 0.9·360 = 384
    expect(d.team.firstResponse).toEqual({ median: 240, p90: 384, count: 2 });
    expect(d.team.resolution).toEqual({ median: 600, p90: 600, count: 1 });
    expect(d.team.sla).toEqual([
      { target: 'acknowledge', met: 2, breached: 1, pending: 0, compliance: 2 / 3 },
      { target: 'resolve', met: 1, breached: 1, pending: 0, compliance: 0.5 },
    ]);
    expect(d.team.breaches).toBe(2);
    expect(d.team.backlog).toBe(2); // B and C
    expect(d.team.csat).toEqual({ average: 4, responses: 1 });
    expect(d.team.nps.score).toBe(100);
    expect(d.team.volumeByCategory).toEqual({ inquiry: 1, complaint: 2, support: 0, uncategorised: 0 });
    expect(d.byAgent.map((a) => [a.agentId, a.figures.cases])).toEqual([['ann', 2], ['bob', 1]]);
  });

  it('the form’s dates and lists reach the figures', () => {
    const thursday = computeDashboard(dashboardInput(cases, OFFICE, { fromDate: '2026-03-05', toDate: '2026-03-06' }, FRIDAY_NOON));
    expect(thursday.team.cases).toBe(1); // C
    expect(thursday.range).toEqual({ from: '2026-03-05T00:00:00.000Z', to: '2026-03-06T12:00:00.000Z' });
    const bob = computeDashboard(dashboardInput(cases, OFFICE, { agents: ['bob'] }, FRIDAY_NOON));
    expect(bob.team.cases).toBe(1);
    expect(bob.team.breaches).toBe(2);
    const monday = computeDashboard(dashboardInput(cases, OFFICE, { toDate: '2026-03-02' }, FRIDAY_NOON));
    // received Monday: A and B; as they stood at Tuesday 00:00 A was not yet resolved
    expect(monday.team.cases).toBe(2);
    expect(monday.team.resolution.count).toBe(0);
    expect(monday.team.backlog).toBe(2);
  });
});

describe('agentChoices', () => {
  it('the named agents and every case owner, sorted, once each', () => {
    expect(agentChoices(['zoe', 'ann'], WEEK)).toEqual(['ann', 'bob', 'zoe']);
    expect(agentChoices([], [])).toEqual([]);
  });
});
