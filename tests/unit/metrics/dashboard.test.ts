import { describe, expect, it } from 'vitest';
import { computeDashboard } from '../../../utils/metrics/dashboard';
import type { DashboardFigures, Figures } from '../../../utils/metrics/dashboard';
import { DAY, TEAM_DAY, TEAM_DAY_OUTCOMES } from './team-day';

const day = (filters = {}) => computeDashboard({ cases: TEAM_DAY, outcomes: TEAM_DAY_OUTCOMES, filters: { ...DAY, ...filters } });
const agent = (d: DashboardFigures, id: string): Figures => d.byAgent.find((a) => a.agentId === id)!.figures;

describe('computeDashboard on a hand-checked day', () => {
  const d = day();

  it('team: response and resolution times (median, p90)', () => {
    expect(d.team.cases).toBe(6);
    // first responses 10, 20, 30, 60, 90: median 30; p90 at rank 3.6 → 60 + 0.6·30 = 78
    expect(d.team.firstResponse).toEqual({ median: 30, p90: 78, count: 5 });
    // resolutions 120, 180, 240, 240: median (180+240)/2 = 210; p90 at rank 2.7 → 240
    expect(d.team.resolution).toEqual({ median: 210, p90: 240, count: 4 });
  });

  it('team: SLA compliance per target and breaches', () => {
    expect(d.team.sla).toEqual([
      { target: 'first_response', met: 4, breached: 2, pending: 0, compliance: 4 / 6 },
      { target: 'resolution', met: 3, breached: 1, pending: 2, compliance: 3 / 4 },
    ]);
    expect(d.team.breaches).toBe(3);
  });

  it('team: complaint resolution rate, CSAT, NPS', () => {
    // complaints c1, c3, c5, c6; resolved or closed: c1, c3, c6; closed satisfied: c1, c6
    expect(d.team.complaintResolution).toEqual({ resolvedToSatisfaction: 2, resolvedOrClosed: 3, rate: 2 / 3 });
    // CSAT 5, 3, 2 and 4 (the later outcome record beats the log's 1) → 3.5
    expect(d.team.csat).toEqual({ average: 3.5, responses: 4 });
    // NPS 10, 7, 3, 9 → 2 promoters, 1 passive, 1 detractor → (2 − 1)/4 = +25
    expect(d.team.nps).toEqual({ score: 25, promoters: 2, passives: 1, detractors: 1, responses: 4 });
  });

  it('team: volume by category and backlog', () => {
    expect(d.team.volumeByCategory).toEqual({ inquiry: 1, complaint: 4, support: 1, uncategorised: 0 });
    // open at the end of the day: c4, c5 and c7 (received the day before)
    expect(d.team.backlog).toBe(3);
    expect(d.range).toEqual({ from: '2026-03-02T00:00:00.000Z', to: '2026-03-03T00:00:00.000Z' });
  });

  it('per agent', () => {
    expect(d.byAgent.map((a) => a.agentId)).toEqual(['ann', 'bob']);
    const ann = agent(d, 'ann');
    expect(ann.cases).toBe(3);
    expect(ann.firstResponse).toEqual({ median: 30, p90: 54, count: 3 }); // 20, 30, 60
    expect(ann.resolution).toEqual({ median: 240, p90: 240, count: 3 }); // 120, 240, 240
    expect(ann.sla.map((s) => s.compliance)).toEqual([1, 2 / 3]);
    expect(ann.complaintResolution.rate).toBe(1);
    expect(ann.csat.average).toBe(4); // 5, 3, 4
    expect(ann.nps.score).toBeCloseTo(200 / 3, 10); // 10, 7, 9
    expect(ann.backlog).toBe(1);
    expect(ann.breaches).toBe(1);

    const bob = agent(d, 'bob');
    expect(bob.firstResponse).toEqual({ median: 50, p90: 82, count: 2 }); // 10, 90
    expect(bob.resolution).toEqual({ median: 180, p90: 180, count: 1 });
    expect(bob.sla).toEqual([
      { target: 'first_response', met: 1, breached: 2, pending: 0, compliance: 1 / 3 },
      { target: 'resolution', met: 1, breached: 0, pending: 2, compliance: 1 },
    ]);
    expect(bob.complaintResolution).toEqual({ resolvedToSatisfaction: 0, resolvedOrClosed: 1, rate: 0 });
    expect(bob.nps.score).toBe(-100);
    expect(bob.volumeByCategory).toEqual({ inquiry: 0, complaint: 2, support: 1, uncategorised: 0 });
    expect(bob.backlog).toBe(2);
    expect(bob.breaches).toBe(2);
  });

  it('filters by category', () => {
    const c = day({ categories: ['complaint'] });
    expect(c.team.cases).toBe(4);
    expect(c.team.firstResponse).toEqual({ median: 30, p90: 78, count: 3 }); // 20, 30, 90 → p90 rank 1.8: 30 + 0.8·60
    expect(c.team.volumeByCategory).toEqual({ inquiry: 0, complaint: 4, support: 0, uncategorised: 0 });
    expect(c.team.backlog).toBe(1); // c5
  });

  it('filters by agent: the team is that agent', () => {
    const b = day({ agents: ['bob'] });
    expect(b.byAgent.map((a) => a.agentId)).toEqual(['bob']);
    expect(b.team).toEqual(agent(d, 'bob'));
  });

  it('filters by date range: cases received in it; the case log as it stood at the end', () => {
    const morning = day({ to: '2026-03-02T12:00:00Z' });
    // received before noon on the day: c1, c2, c3, c6
    expect(morning.team.cases).toBe(4);
    // at noon only c1 was resolved (c3 and c6 resolve at 12:00, c2 at 14:00)
    expect(morning.team.resolution).toEqual({ median: 120, p90: 120, count: 1 });
    // open at noon: c2, c3, c6 (reopened), c7
    expect(morning.team.backlog).toBe(4);
    const afternoon = day({ from: '2026-03-02T12:00:00Z' });
    expect(afternoon.team.cases).toBe(2); // c4, c5
    expect(afternoon.team.firstResponse.count).toBe(1);
    const everything = computeDashboard({ cases: TEAM_DAY, outcomes: TEAM_DAY_OUTCOMES, now: Date.parse(DAY.to) });
    expect(everything.team.cases).toBe(7);
    expect(everything.range.from).toBeNull();
  });

  it('uses the business calendar it is given', () => {
    const calls: Array<[string, string]> = [];
    const half = (s: Date, e: Date) => {
      calls.push([s.toISOString(), e.toISOString()]);
      return (e.getTime() - s.getTime()) / 120_000;
    };
    const b = computeDashboard({ cases: TEAM_DAY, outcomes: TEAM_DAY_OUTCOMES, filters: DAY, businessMinutes: half });
    expect(b.team.firstResponse).toEqual({ median: 15, p90: 39, count: 5 });
    expect(calls).toContainEqual(['2026-03-02T09:00:00.000Z', '2026-03-02T09:30:00.000Z']);
  });

  it('empty input: counts are zero, averages are null (shown as "—")', () => {
    const e = computeDashboard({ cases: [], now: 0 });
    expect(e.team).toEqual({
      cases: 0,
      firstResponse: { median: null, p90: null, count: 0 },
      resolution: { median: null, p90: null, count: 0 },
      sla: [],
      complaintResolution: { resolvedToSatisfaction: 0, resolvedOrClosed: 0, rate: null },
      csat: { average: null, responses: 0 },
      nps: { score: null, promoters: 0, passives: 0, detractors: 0, responses: 0 },
      volumeByCategory: { inquiry: 0, complaint: 0, support: 0, uncategorised: 0 },
      backlog: 0,
      breaches: 0,
    });
    expect(e.byAgent).toEqual([]);
  });

  it('ignores out-of-scale satisfaction values and a reply dated before the message', () => {
    const odd = computeDashboard({
      now: Date.parse(DAY.to),
      cases: [
        {
          caseId: 'x', agentId: 'ann', category: 'support',
          events: [
            { id: '1', caseId: 'x', type: 'acknowledged', at: '2026-03-02T08:00:00Z', actor: 'ann', source: 'auto', data: {} },
            { id: '2', caseId: 'x', type: 'received', at: '2026-03-02T09:00:00Z', actor: 'customer', source: 'auto', data: {} },
            { id: '3', caseId: 'x', type: 'outcome_recorded', at: '2026-03-02T10:00:00Z', actor: 'ann', source: 'agent', data: { csat: 9, nps: 11 } },
          ],
        },
      ],
    });
    expect(odd.team.firstResponse.count).toBe(0);
    expect(odd.team.csat.responses).toBe(0);
    expect(odd.team.nps.responses).toBe(0);
  });
});
