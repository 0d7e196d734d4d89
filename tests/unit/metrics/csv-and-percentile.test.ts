import { describe, expect, it } from 'vitest';
import { computeDashboard } from '../../../utils/metrics/dashboard';
import { csvCell, dashboardToCsv } from '../../../utils/metrics/dashboard-csv';
import { percentile, spread } from '../../../utils/metrics/percentile';
import { DAY, TEAM_DAY, TEAM_DAY_OUTCOMES } from './team-day';

describe('percentile', () => {
  it('interpolates between closest ranks', () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([4, 1, 3, 2], 0.9)).toBeCloseTo(3.7, 12);
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([1, 10], 0)).toBe(1);
    expect(percentile([1, 10], 1)).toBe(10);
    expect(spread([5, 1, 3])).toEqual({ median: 3, p90: 4.6, count: 3 });
  });
});

describe('CSV export', () => {
  it('escapes formula injection in text cells, keeps numbers as numbers, quotes when needed', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1+2')).toBe("'+1+2");
    expect(csvCell('-2+3+cmd|x')).toBe("'-2+3+cmd|x");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('-20')).toBe('-20');
    expect(csvCell(-20)).toBe('-20');
    expect(csvCell(2 / 3)).toBe('0.667');
    expect(csvCell(null)).toBe('');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('plain')).toBe('plain');
  });

  it('writes one figure a row for the team and each agent', () => {
    const csv = dashboardToCsv(computeDashboard({ cases: TEAM_DAY, outcomes: TEAM_DAY_OUTCOMES, filters: DAY }));
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('scope,metric,key,value,count');
    expect(lines.at(-1)).toBe('');
    expect(lines).toContain('team,first_response_minutes,median,30,5');
    expect(lines).toContain('team,first_response_minutes,p90,78,5');
    expect(lines).toContain('team,resolution_minutes,median,210,4');
    expect(lines).toContain('team,sla_compliance,first_response,0.667,6');
    expect(lines).toContain('team,complaint_resolution_rate,,0.667,3');
    expect(lines).toContain('team,csat_average,,3.5,4');
    expect(lines).toContain('team,nps,,25,4');
    expect(lines).toContain('team,volume,complaint,4,');
    expect(lines).toContain('team,backlog,,3,');
    expect(lines).toContain('team,breaches,,3,');
    expect(lines).toContain('bob,nps,,-100,1');
    expect(lines.filter((l) => l.startsWith('ann,'))).toHaveLength(lines.filter((l) => l.startsWith('team,')).length);
  });

  it('escapes hostile agent ids and SLA target names coming from synced data', () => {
    const csv = dashboardToCsv(
      computeDashboard({
        now: Date.parse(DAY.to),
        cases: [{ ...TEAM_DAY[0]!, agentId: '=cmd|calc', statuses: [{ target: '@evil', state: 'met' }] }],
      }),
    );
    expect(csv).toContain("\r\n'=cmd|calc,cases,,1,\r\n");
    expect(csv).toContain("team,sla_compliance,'@evil,1,1");
    expect(csv.split('\r\n').some((l) => /^[=+@]/.test(l) || /,[=+@]/.test(l))).toBe(false);
  });
});
